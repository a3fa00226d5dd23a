#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tcpladder {

// A one-way stream of bytes: a file, a pipe, or a decompressor over either.
class ByteStream {
public:
    virtual ~ByteStream() = default;
    // Up to `size` bytes; 0 at the end; -1 after a failure (see error()).
    virtual std::ptrdiff_t read(std::uint8_t* into, std::size_t size) = 0;
    virtual std::string error() const = 0;
};

// What several layers of one stream share: how far into the file (before
// decompression) reading got, for progress, and the first failure's reason.
// The count is polled for progress while another thread reads; the error
// is written before the reader learns of the failure.
class StreamStatus {
public:
    std::atomic<std::uint64_t> fileBytesRead{0};

    // The first failure is the one that explains the stop.
    void fail(const std::string& message) {
        std::lock_guard lock(m_mutex);
        if (m_error.empty())
            m_error = message;
    }
    std::string error() const {
        std::lock_guard lock(m_mutex);
        return m_error;
    }

private:
    mutable std::mutex m_mutex;
    std::string m_error;
};

// Reads a file descriptor; closes it unless it is standard input.
class FdStream final : public ByteStream {
public:
    FdStream(int fd, std::shared_ptr<StreamStatus> status);
    ~FdStream() override;
    FdStream(const FdStream&) = delete;
    FdStream& operator=(const FdStream&) = delete;

    std::ptrdiff_t read(std::uint8_t* into, std::size_t size) override;
    std::string error() const override { return m_status->error(); }

private:
    int m_fd;
    std::shared_ptr<StreamStatus> m_status;
};

// Reads bytes in memory that outlive it, e.g. a fuzzer's input.
class MemoryStream final : public ByteStream {
public:
    MemoryStream(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    std::ptrdiff_t read(std::uint8_t* into, std::size_t size) override;
    std::string error() const override { return {}; }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_position = 0;
};

// Lets a reader look at a stream's first bytes and still read them again:
// a pipe cannot be opened twice to sniff the format first.
class PeekableStream final : public ByteStream {
public:
    explicit PeekableStream(std::unique_ptr<ByteStream> inner) : m_inner(std::move(inner)) {}

    // Up to `size` first bytes (fewer only at the end or on failure).
    const std::vector<std::uint8_t>& peek(std::size_t size);
    std::ptrdiff_t read(std::uint8_t* into, std::size_t size) override;
    std::string error() const override { return m_inner->error(); }

private:
    std::unique_ptr<ByteStream> m_inner;
    std::vector<std::uint8_t> m_head;
    std::size_t m_headRead = 0;
    bool m_failed = false;
};

} // namespace tcpladder
