#include "load/decode_pipeline.h"

#include "decode/packet_decoder.h"

namespace tcpladder {
namespace {

constexpr std::size_t kBatchFrames = 2048;
constexpr std::size_t kBatchesInFlight = 4;

} // namespace

DecodePipeline::DecodePipeline(PacketSource& source) : DecodePipeline(source, nullptr, 1) {}

DecodePipeline::DecodePipeline(PacketSource& source, ApplicationTable* applications,
                               std::uint64_t firstFrame)
    : m_source(source), m_applications(applications), m_nextFrame(firstFrame) {
    for (std::size_t i = 0; i < kBatchesInFlight; ++i) {
        m_free.push_back(std::make_unique<Batch>());
        m_free.back()->reserve(kBatchFrames);
    }
    m_reader = std::thread([this] { readLoop(); });
}

DecodePipeline::~DecodePipeline() {
    stop();
    m_reader.join();
}

void DecodePipeline::stop() {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_changed.notify_all();
}

void DecodePipeline::readLoop() {
    PacketDecoder decoder;
    RawPacket raw;
    for (;;) {
        std::unique_ptr<Batch> batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stopping || !m_free.empty(); });
            if (m_stopping)
                break;
            batch = std::move(m_free.back());
            m_free.pop_back();
        }
        batch->clear();
        ReadStatus status = ReadStatus::Packet;
        while (batch->size() < kBatchFrames) {
            status = m_source.next(raw);
            if (status != ReadStatus::Packet)
                break;
            DecodedFrame& frame = batch->emplace_back();
            frame.timestamp = raw.timestamp;
            frame.epochSecond = raw.epochSecond;
            frame.fileOffset = raw.fileOffset;
            frame.linkType = raw.linkType;
            frame.hasTcp = decoder.decode(raw, frame.tcp);
            frame.miss = decoder.lastMiss();
            const std::uint64_t ordinal = m_nextFrame++;
            if (frame.hasTcp && m_applications)
                frame.applicationFlow = m_applications->add(frame.tcp, raw.timestamp, ordinal);
        }
        m_bytesRead.store(m_source.bytesRead(), std::memory_order_relaxed);
        m_droppedDatagrams.store(decoder.droppedDatagrams(), std::memory_order_relaxed);
        std::lock_guard lock(m_mutex);
        m_full.push_back(std::move(batch));
        if (status != ReadStatus::Packet) {
            m_endStatus = status;
            if (status == ReadStatus::Error)
                m_error = m_source.errorMessage();
            m_finished = true;
        }
        m_changed.notify_all();
        if (m_finished)
            break;
    }
}

const std::vector<DecodedFrame>* DecodePipeline::next() {
    std::unique_lock lock(m_mutex);
    if (m_current)
        m_free.push_back(std::move(m_current));
    m_changed.notify_all();
    m_changed.wait(lock, [&] { return !m_full.empty() || m_finished || m_stopping; });
    if (m_full.empty())
        return nullptr;
    m_current = std::move(m_full.front());
    m_full.pop_front();
    return m_current.get();
}

} // namespace tcpladder
