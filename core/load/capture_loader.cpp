#include "load/capture_loader.h"

#include "capture/capture_opener.h"
#include "capture/link_types.h"
#include "decode/packet_decoder.h"
#include "load/decode_pipeline.h"
#include "tcp/connection_tracker.h"

#include <algorithm>
#include <chrono>
#include <sys/stat.h>

namespace tcpladder {
namespace {

class Loader {
public:
    Loader(PacketSource& source, const LoadOptions& options, std::uint64_t fileSize)
        : m_source(source), m_options(options), m_capture(std::make_shared<LoadedCapture>()) {
        m_capture->fileSize = fileSize;
        m_capture->linkType = source.linkType();
    }

    Result<std::shared_ptr<LoadedCapture>> run() {
        const auto started = std::chrono::steady_clock::now();
        DecodePipeline pipeline(m_source);
        m_pipeline = &pipeline;
        const std::uint64_t interval = std::max<std::uint64_t>(m_options.progressInterval, 1);
        bool stopped = false;
        while (!stopped) {
            const std::vector<DecodedFrame>* batch = pipeline.next();
            if (!batch)
                break;
            for (const DecodedFrame& frame : *batch) {
                if (m_capture->frames == PacketRecord::kMaxFrame) {
                    m_capture->warnings.push_back("stopped after " +
                                                  std::to_string(m_capture->frames) +
                                                  " packets, the most one capture can hold");
                    stopped = true;
                    break;
                }
                if (overBudget()) {
                    stopForBudget(frame);
                    stopped = true;
                    break;
                }
                addFrame(frame);
                if (m_capture->frames % interval == 0 && !reportProgress()) {
                    m_capture->cancelled = true;
                    stopped = true;
                    break;
                }
            }
        }
        pipeline.stop();
        if (!stopped && pipeline.endStatus() == ReadStatus::Error) {
            if (m_capture->frames == 0)
                return Error{pipeline.errorMessage()};
            m_capture->warnings.push_back(pipeline.errorMessage() + " (after packet " +
                                          std::to_string(m_capture->frames) + ")");
        }
        if (const std::size_t dropped = pipeline.droppedDatagrams())
            m_capture->warnings.push_back(
                std::to_string(dropped) +
                " incomplete IP datagrams dropped, the oldest first, to keep fragment "
                "reassembly within its memory budget");
        reportProgress();
        m_capture->connections = m_tracker.takeConnections();
        m_capture->connectionStarts.resize(m_capture->connections.size());
        m_capture->connectionLinkTypes.resize(m_capture->connections.size());
        for (int linkType : m_capture->undecodedLinkTypes)
            m_capture->warnings.push_back("link type " + linkTypeLabel(linkType) +
                                          " is not decoded; its packets have no TCP rows");
        m_pipeline = nullptr;
        m_capture->loadDuration = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      std::chrono::steady_clock::now() - started)
                                      .count();
        return std::move(m_capture);
    }

private:
    void addFrame(const DecodedFrame& frame) {
        const std::uint64_t ordinal = ++m_capture->frames;
        if (ordinal == 1)
            m_capture->epochSeconds = frame.epochSecond;
        const EpochTime exact{frame.epochSecond,
                              static_cast<std::int64_t>(
                                  static_cast<std::uint64_t>(frame.timestamp) -
                                  static_cast<std::uint64_t>(frame.epochSecond) * kNsPerSecond)};
        // Relative to the capture's epoch second; wrapping arithmetic keeps differences exact.
        const auto time =
            static_cast<TimeNs>(static_cast<std::uint64_t>(frame.timestamp) -
                                static_cast<std::uint64_t>(m_capture->epochSeconds) * kNsPerSecond);
        if (ordinal == 1)
            m_capture->firstTime = time;
        m_capture->lastTime = time;
        if (frame.hasTcp)
            addSegment(frame, time, exact, ordinal);
        else if (!isDecodedLinkType(frame.linkType))
            noteUndecodedLinkType(frame.linkType);
    }

    void addSegment(const DecodedFrame& raw, TimeNs time, const EpochTime& exact,
                    std::uint64_t frame) {
        const DecodedTcp& decoded = raw.tcp;
        const TrackedSegment tracked =
            m_tracker.add(decoded.src, decoded.dst, decoded.segment, time, frame);
        ++m_capture->tcpPackets;
        if (tracked.connection >= m_capture->connectionStarts.size()) {
            m_capture->connectionStarts.resize(tracked.connection + 1, exact);
            m_capture->connectionLinkTypes.resize(tracked.connection + 1, raw.linkType);
        }
        PacketRecord::Fields fields;
        fields.time = time;
        fields.frame = frame;
        fields.fileOffset = raw.fileOffset;
        fields.side = tracked.side;
        fields.relativeSeq = tracked.relativeSeq;
        fields.relativeAck = tracked.relativeAck;
        fields.payloadLength = decoded.segment.payloadLength;
        fields.rawWindow = decoded.segment.window;
        fields.windowShift = tracked.windowShift;
        fields.flags = decoded.segment.flags;
        fields.analysis = tracked.analysis;
        m_capture->packets.append(tracked.connection, PacketRecord(fields));
    }

    // Checked before each frame: the load keeps every frame before the first
    // one that finds the index over budget, whose offset says how far it got.
    bool overBudget() const {
        const std::size_t perConnection =
            m_capture->connectionStarts.capacity() * sizeof(EpochTime) +
            m_capture->connectionLinkTypes.capacity() * sizeof(int);
        return m_capture->packets.memoryBytes() + m_tracker.memoryBytes() + perConnection >
               m_options.memoryBudget;
    }

    void stopForBudget(const DecodedFrame& next) {
        m_capture->truncatedByBudget = true;
        m_capture->warnings.push_back(budgetStopMessage(
            m_capture->frames, next.fileOffset, m_capture->fileSize, m_options.memoryBudget));
    }

    void noteUndecodedLinkType(int linkType) {
        auto& seen = m_capture->undecodedLinkTypes;
        if (std::find(seen.begin(), seen.end(), linkType) == seen.end())
            seen.push_back(linkType);
    }

    bool reportProgress() {
        if (!m_options.progress)
            return true;
        LoadProgress progress;
        progress.bytesRead = m_pipeline->bytesRead();
        progress.fileSize = m_capture->fileSize;
        progress.frames = m_capture->frames;
        progress.tcpPackets = m_capture->tcpPackets;
        progress.connections = m_tracker.connections().size();
        return m_options.progress(progress);
    }

    PacketSource& m_source;
    const LoadOptions& m_options;
    std::shared_ptr<LoadedCapture> m_capture;
    ConnectionTracker m_tracker;
    const DecodePipeline* m_pipeline = nullptr;
};

} // namespace

Result<std::shared_ptr<LoadedCapture>> loadCapture(const std::string& path,
                                                   const LoadOptions& options) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        return Error{path + ": is a directory, not a capture file"};
    auto source = openCapture(path);
    if (!source)
        return Error{path + ": " + source.error()};
    auto loaded = Loader(*source.value(), options, static_cast<std::uint64_t>(info.st_size)).run();
    if (!loaded)
        return Error{path + ": " + loaded.error()};
    loaded.value()->path = path;
    return loaded;
}

Result<std::shared_ptr<LoadedCapture>>
loadCaptureFromMemory(const std::uint8_t* data, std::size_t size, const LoadOptions& options) {
    auto source = openCaptureInMemory(data, size);
    if (!source)
        return Error{source.error()};
    return Loader(*source.value(), options, size).run();
}

} // namespace tcpladder
