#pragma once

#include "capture/byte_stream.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tcpladder {

// Reads another stream on a thread of its own, a few chunks ahead: a
// decompressor then runs beside the reader and decoders instead of before
// them, so a compressed capture loads at about the speed of decompression.
class ReadAheadStream final : public ByteStream {
public:
    explicit ReadAheadStream(std::unique_ptr<ByteStream> inner);
    ~ReadAheadStream() override;
    ReadAheadStream(const ReadAheadStream&) = delete;
    ReadAheadStream& operator=(const ReadAheadStream&) = delete;

    std::ptrdiff_t read(std::uint8_t* into, std::size_t size) override;
    // Valid once read() returned -1.
    std::string error() const override { return m_error; }

private:
    struct Chunk {
        std::vector<std::uint8_t> bytes;
        std::ptrdiff_t size = 0; // 0: the end; -1: a failure
    };

    void run();

    std::unique_ptr<ByteStream> m_inner;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk> m_ready;
    std::vector<std::vector<std::uint8_t>> m_free;
    bool m_stopping = false;
    Chunk m_current;
    std::size_t m_position = 0;
    bool m_finished = false;
    std::string m_error;
    std::thread m_thread;
};

} // namespace tcpladder
