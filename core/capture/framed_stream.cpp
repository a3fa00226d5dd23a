#include "capture/framed_stream.h"

namespace tcpladder {

FramedStream::FramedStream(const char* name, std::unique_ptr<ByteStream> input,
                           std::shared_ptr<StreamStatus> status, CheckpointIndex* index,
                           const Checkpoint* start)
    : m_name(name), m_input(std::move(input), start ? start->fileOffset : 0),
      m_status(std::move(status)), m_index(index), m_out(start ? start->offset : 0) {}

void FramedStream::fail(const std::string& message) {
    m_failed = true;
    m_status->fail(message);
}

std::ptrdiff_t FramedStream::read(std::uint8_t* into, std::size_t size) {
    std::size_t produced = 0;
    while (produced < size && !m_ended && !m_failed) {
        if (m_input.size() == 0 && !m_input.refill()) {
            if (m_input.failed())
                fail(m_input.error());
            else if (m_inFrame)
                fail(std::string(m_name) + " data is cut short");
            m_ended = true;
            break;
        }
        const Step step = decode(into + produced, size - produced, m_input.data(), m_input.size());
        m_input.consume(step.consumed);
        produced += step.produced;
        m_out += step.produced;
        if (!step.error.empty()) {
            fail(std::string(m_name) + " data is damaged (" + step.error + ")");
            break;
        }
        m_inFrame = !step.frameEnded;
        if (step.frameEnded && m_index && m_index->wants(m_out))
            m_index->add(Checkpoint{m_input.fileOffset(), m_out, 0, {}});
    }
    if (m_failed && produced == 0)
        return -1;
    return static_cast<std::ptrdiff_t>(produced);
}

} // namespace tcpladder
