#pragma once

#include "capture/packet_source.h"
#include "decode/decode_context.h"
#include "load/application_table.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tcpladder {

// One frame as the reading thread hands it over: where and when it was,
// and its TCP segment when it carries one.
struct DecodedFrame {
    TimeNs timestamp = 0;
    std::int64_t epochSecond = 0;
    std::uint64_t fileOffset = 0;
    int linkType = 0;
    bool hasTcp = false;
    FrameMiss miss; // without TCP: why, and what the frame was
    DecodedTcp tcp; // its payload pointer is the reading thread's, gone by now
    // The segment's flow in the ApplicationTable, when one was given.
    std::uint32_t applicationFlow = 0;
};

// Reads and decodes on a thread of its own, in batches, while the caller
// tracks connections: the two halves of a load cost about the same, so on
// two cores a load takes little longer than reading the file alone.
// Frames arrive in file order; IP reassembly stays on the reading thread.
class DecodePipeline {
public:
    explicit DecodePipeline(PacketSource& source);
    // Also summarises each segment's payload into `applications`, on the
    // reading thread, numbering frames from `firstFrame`. The table is the
    // reading thread's until the pipeline is destroyed.
    DecodePipeline(PacketSource& source, ApplicationTable* applications, std::uint64_t firstFrame);
    ~DecodePipeline();
    DecodePipeline(const DecodePipeline&) = delete;
    DecodePipeline& operator=(const DecodePipeline&) = delete;

    // The next batch, valid until the next call; nullptr once the source
    // ended or failed (then see endStatus()).
    const std::vector<DecodedFrame>* next();
    ReadStatus endStatus() const { return m_endStatus; }
    const std::string& errorMessage() const { return m_error; }
    std::uint64_t bytesRead() const { return m_bytesRead.load(std::memory_order_relaxed); }
    // Final once next() returned nullptr without stop().
    std::size_t droppedDatagrams() const {
        return m_droppedDatagrams.load(std::memory_order_relaxed);
    }
    // Ends the reading thread early (cancel, limits); safe to call twice.
    void stop();

private:
    using Batch = std::vector<DecodedFrame>;

    void readLoop();

    PacketSource& m_source;
    ApplicationTable* m_applications = nullptr;
    std::uint64_t m_nextFrame = 1;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<Batch>> m_full;
    std::vector<std::unique_ptr<Batch>> m_free;
    std::unique_ptr<Batch> m_current; // held by the consumer
    bool m_finished = false;          // the reader produced its last batch
    bool m_stopping = false;
    ReadStatus m_endStatus = ReadStatus::End;
    std::string m_error;
    std::atomic<std::uint64_t> m_bytesRead{0};
    std::atomic<std::size_t> m_droppedDatagrams{0};
    std::thread m_reader;
};

} // namespace tcpladder
