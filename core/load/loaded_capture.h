#pragma once

#include "common/result.h"
#include "common/time_ns.h"
#include "messages/application_summary.h"
#include "store/application_summaries.h"
#include "store/packet_store.h"
#include "tcp/connection.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tcpladder {

class PacketRereader;
struct RereadPacket;

// A point in time as the file gave it: whole seconds since the epoch and
// nanoseconds (Wireshark's nstime; the nanoseconds may be out of range in a
// damaged record).
struct EpochTime {
    std::int64_t second = 0;
    std::int64_t nanosecond = 0;
};

// Frames of one kind that gave no TCP row ("ARP", "UDP", "truncated", ...).
struct NonTcpCount {
    std::string kind;
    std::uint64_t frames = 0;
    // False for truncated, malformed and fragment frames, which may be TCP.
    bool otherProtocol = true;
};

// One file of what was loaded: a capture is a set of one, a rotation set
// (`tcpdump -G`) several, read as one capture in time order. Each file's
// packets have frames from `firstFrame` on and, in the index, offsets from
// `offsetBase` on (its offsets in the file plus the base).
struct CaptureFile {
    std::string path;
    std::uint64_t offsetBase = 0;
    std::uint64_t size = 0;
    std::uint64_t firstFrame = 1;
    std::uint64_t frames = 0;
    // Reads its packets again for their details and SACK blocks; null when
    // the source cannot be read twice (a pipe).
    std::shared_ptr<const PacketRereader> rereader;
};

// Everything a load produced. Immutable once handed over, so the GUI can
// share it between threads as a shared_ptr<const LoadedCapture>.
struct LoadedCapture {
    std::string path;               // of the (first) file
    std::vector<CaptureFile> files; // empty when read from memory
    int linkType = 0;
    std::vector<int> undecodedLinkTypes; // seen, but not a link layer we decode
    std::uint64_t frames = 0;
    std::uint64_t tcpPackets = 0;
    std::vector<NonTcpCount> nonTcp; // frames - tcpPackets of them, most first
    std::uint64_t fileSize = 0;
    // Every TimeNs of a capture counts from this second since the epoch, so
    // that timestamps far from 1970 (pcapng allows 64-bit ones) stay exact.
    std::int64_t epochSeconds = 0;
    TimeNs firstTime = 0; // of the first frame in the file, TCP or not
    TimeNs lastTime = 0;
    TimeNs loadDuration = 0;
    bool cancelled = false;
    bool truncatedByBudget = false;      // stopped at LoadOptions::memoryBudget; warnings say where
    std::vector<std::string> warnings;   // damage, unsupported link types, limits reached
    std::vector<Connection> connections; // by id, in order of first packet
    // Each connection's first packet time, exact even where it lies too far
    // from `epochSeconds` for a TimeNs (captures can mix such times).
    std::vector<EpochTime> connectionStarts;
    // Link type of each connection's first packet, to decode it again.
    std::vector<int> connectionLinkTypes;
    PacketStore packets;
    // Each connection's application summary, read while loading.
    ApplicationSummaries applications;
    // Decoded anew on each call; empty when nothing was recognised (or
    // summaries were not asked for).
    std::optional<ApplicationSummary> application(std::uint32_t connection) const {
        return applications.of(connection);
    }
    // Why packets cannot be read again (a pipe, memory), or empty.
    std::string rereadUnavailable;

    // The file that holds the packet the index places at `offset`, or at
    // ordinal `frame`; null when read from memory.
    const CaptureFile* fileAtOffset(std::uint64_t offset) const;
    const CaptureFile* fileOfFrame(std::uint64_t frame) const;
    // Reads the packet the index places at `offset` again, from its file.
    Result<RereadPacket> reread(std::uint64_t offset) const;

    // "S.NNNNNNNNN" seconds since the epoch, as Wireshark's frame.time_epoch.
    std::string epochText(TimeNs time) const;
    static std::string epochText(EpochTime time);
    // "2024-05-01 12:34:56.123456789 UTC", for people.
    std::string utcText(TimeNs time) const;
};

} // namespace tcpladder
