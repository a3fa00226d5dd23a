#include "load/capture_loader.h"

#include "capture/capture_opener.h"
#include "capture/link_types.h"
#include "capture/packet_rereader.h"
#include "common/vector_growth.h"
#include "decode/packet_decoder.h"
#include "load/decode_pipeline.h"
#include "load/non_tcp_frames.h"
#include "tcp/connection_tracker.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <sys/stat.h>

namespace tcpladder {
namespace {

class Loader {
public:
    Loader(const LoadOptions& options, std::uint64_t fileSize)
        : m_options(options), m_capture(std::make_shared<LoadedCapture>()),
          m_started(std::chrono::steady_clock::now()) {
        m_capture->fileSize = fileSize;
    }

    // Reads one file to its end (or to where the load stops: cancelled, or
    // full); the index's offsets for it count from `offsetBase`. Returns the
    // reader's error, if it ended on one.
    std::optional<std::string> read(PacketSource& source, std::uint64_t offsetBase) {
        if (m_capture->frames == 0)
            m_capture->linkType = source.linkType();
        m_offsetBase = offsetBase;
        DecodePipeline pipeline(source, m_options.applicationSummaries ? &m_applications : nullptr,
                                m_capture->frames + 1);
        m_pipeline = &pipeline;
        const std::uint64_t interval = std::max<std::uint64_t>(m_options.progressInterval, 1);
        bool& stopped = m_stopped;
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
        if (const std::size_t dropped = pipeline.droppedDatagrams())
            m_capture->warnings.push_back(
                std::to_string(dropped) +
                " incomplete IP datagrams dropped, the oldest first, to keep fragment "
                "reassembly within its memory budget");
        m_bytesBefore = offsetBase + pipeline.bytesRead();
        m_pipeline = nullptr;
        if (!stopped && pipeline.endStatus() == ReadStatus::Error)
            return pipeline.errorMessage();
        return std::nullopt;
    }

    bool stopped() const { return m_stopped; }
    LoadedCapture& capture() { return *m_capture; }

    std::shared_ptr<LoadedCapture> finish() {
        reportProgress();
        m_capture->connections = m_tracker.takeConnections();
        m_capture->nonTcp = m_nonTcp.counts();
        m_capture->connectionStarts.resize(m_capture->connections.size());
        m_capture->connectionLinkTypes.resize(m_capture->connections.size());
        if (m_options.applicationSummaries)
            m_capture->applications = m_applications.finish(m_connectionFlows);
        for (int linkType : m_capture->undecodedLinkTypes)
            m_capture->warnings.push_back("link type " + linkTypeLabel(linkType) +
                                          " is not decoded; its packets have no TCP rows");
        m_capture->loadDuration = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                      std::chrono::steady_clock::now() - m_started)
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
        if (frame.hasTcp) {
            addSegment(frame, time, exact, ordinal);
            return;
        }
        m_nonTcp.add(frame.miss);
        if (!isDecodedLinkType(frame.linkType))
            noteUndecodedLinkType(frame.linkType);
    }

    void addSegment(const DecodedFrame& raw, TimeNs time, const EpochTime& exact,
                    std::uint64_t frame) {
        const DecodedTcp& decoded = raw.tcp;
        const TrackedSegment tracked =
            m_tracker.add(decoded.src, decoded.dst, decoded.segment, time, frame);
        ++m_capture->tcpPackets;
        if (tracked.connection >= m_capture->connectionStarts.size()) {
            reserveGently(m_capture->connectionStarts, tracked.connection + 1);
            reserveGently(m_capture->connectionLinkTypes, tracked.connection + 1);
            reserveGently(m_connectionFlows, tracked.connection + 1);
            m_capture->connectionStarts.resize(tracked.connection + 1, exact);
            m_capture->connectionLinkTypes.resize(tracked.connection + 1, raw.linkType);
            m_connectionFlows.resize(tracked.connection + 1, raw.applicationFlow);
        }
        PacketRecord::Fields fields;
        fields.time = time;
        fields.frame = frame;
        fields.fileOffset = m_offsetBase + raw.fileOffset;
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
            m_capture->connectionLinkTypes.capacity() * sizeof(int) +
            m_connectionFlows.capacity() * sizeof(std::uint32_t);
        return m_capture->packets.memoryBytes() + m_tracker.memoryBytes() + perConnection +
                   m_applications.memoryBytes() >
               m_options.memoryBudget;
    }

    void stopForBudget(const DecodedFrame& next) {
        m_capture->truncatedByBudget = true;
        m_capture->warnings.push_back(
            budgetStopMessage(m_capture->frames, m_offsetBase + next.fileOffset,
                              m_capture->fileSize, m_options.memoryBudget));
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
        progress.bytesRead = m_pipeline ? m_offsetBase + m_pipeline->bytesRead() : m_bytesBefore;
        progress.fileSize = m_capture->fileSize;
        progress.frames = m_capture->frames;
        progress.tcpPackets = m_capture->tcpPackets;
        progress.connections = m_tracker.connections().size();
        return m_options.progress(progress);
    }

    const LoadOptions& m_options;
    std::shared_ptr<LoadedCapture> m_capture;
    ConnectionTracker m_tracker;
    ApplicationTable m_applications;
    // Each connection's flow in m_applications, from its first packet.
    std::vector<std::uint32_t> m_connectionFlows;
    NonTcpTally m_nonTcp;
    const DecodePipeline* m_pipeline = nullptr;
    std::chrono::steady_clock::time_point m_started;
    std::uint64_t m_offsetBase = 0;
    std::uint64_t m_bytesBefore = 0; // read from earlier files, for progress
    bool m_stopped = false;
};

// One file read whole: its error fails the load when not a single packet
// came before it, else becomes a warning.
Result<std::shared_ptr<LoadedCapture>> loadOne(PacketSource& source, const LoadOptions& options,
                                               std::uint64_t size) {
    Loader loader(options, size);
    if (const auto error = loader.read(source, 0)) {
        if (loader.capture().frames == 0)
            return Error{*error};
        loader.capture().warnings.push_back(*error + " (after packet " +
                                            std::to_string(loader.capture().frames) + ")");
    }
    return loader.finish();
}

// The source's re-reader; when it has none (a pipe), the capture says why.
std::shared_ptr<const PacketRereader> rereaderOf(const PacketSource& source,
                                                 LoadedCapture& capture) {
    auto rereader = source.rereader();
    if (rereader)
        return std::move(rereader.value());
    capture.rereadUnavailable = rereader.error();
    return nullptr;
}

struct SetFile {
    std::string path;
    std::uint64_t size = 0;
};

std::optional<SetFile> statCapture(const std::string& path, std::string& error) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        error = path + ": is a directory, not a capture file";
        return std::nullopt;
    }
    return SetFile{path, static_cast<std::uint64_t>(info.st_size)};
}

} // namespace

Result<std::shared_ptr<LoadedCapture>> loadCaptureSet(const std::vector<std::string>& paths,
                                                      const LoadOptions& options) {
    std::uint64_t total = 0;
    std::vector<SetFile> files;
    std::vector<std::string> failures;
    for (const std::string& path : paths) {
        std::string error;
        if (auto file = statCapture(path, error)) {
            total += file->size;
            files.push_back(std::move(*file));
        } else {
            failures.push_back(error);
        }
    }
    Loader loader(options, total);
    std::uint64_t base = 0;
    for (const SetFile& file : files) {
        if (loader.stopped())
            break;
        auto source = openCapture(file.path);
        if (!source) {
            failures.push_back(file.path + ": " + source.error());
            continue;
        }
        const std::uint64_t firstFrame = loader.capture().frames + 1;
        const auto error = loader.read(*source.value(), base);
        const std::uint64_t frames = loader.capture().frames + 1 - firstFrame;
        if (error)
            failures.push_back(
                file.path + ": " + *error +
                (frames > 0 ? " (after packet " + std::to_string(frames) + ")" : std::string()));
        // An empty file is read, not failed: only a file whose reading failed
        // before any packet is left out.
        if (frames > 0 || !error)
            loader.capture().files.push_back({file.path, base, file.size, firstFrame, frames,
                                              rereaderOf(*source.value(), loader.capture())});
        // A file may grow while it is read (the newest of a rotation set).
        base += std::max(file.size, source.value()->bytesRead());
    }
    if (loader.capture().files.empty())
        return Error{failures.empty() ? std::string("no capture file given") : failures.front()};
    LoadedCapture& capture = loader.capture();
    capture.path = capture.files.front().path;
    capture.warnings.insert(capture.warnings.begin(), failures.begin(), failures.end());
    return loader.finish();
}

Result<std::shared_ptr<LoadedCapture>> loadCapture(const std::string& path,
                                                   const LoadOptions& options) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        return Error{path + ": is a directory, not a capture file"};
    auto source = openCapture(path);
    if (!source)
        return Error{path + ": " + source.error()};
    const auto size = static_cast<std::uint64_t>(info.st_size);
    auto loaded = loadOne(*source.value(), options, size);
    if (!loaded)
        return Error{path + ": " + loaded.error()};
    loaded.value()->path = path;
    loaded.value()->files.push_back(
        {path, 0, size, 1, loaded.value()->frames, rereaderOf(*source.value(), *loaded.value())});
    return loaded;
}

Result<std::shared_ptr<LoadedCapture>>
loadCaptureFromMemory(const std::uint8_t* data, std::size_t size, const LoadOptions& options) {
    auto source = openCaptureInMemory(data, size);
    if (!source)
        return Error{source.error()};
    auto loaded = loadOne(*source.value(), options, size);
    if (loaded)
        loaded.value()->rereadUnavailable = source.value()->rereader().error();
    return loaded;
}

} // namespace tcpladder
