#pragma once

#include "capture/packet_source.h"
#include "common/result.h"

#include <cstdio>
#include <memory>
#include <string>

namespace tcpladder {

// The core's own pcapng block reader (SHB, IDB, EPB, SPB, and the obsolete
// Packet Block), for files libpcap refuses: interfaces that differ in link
// type or snapshot length. Each packet carries its interface's link type and
// a timestamp converted from that interface's resolution and offset.
class PcapngReader final : public PacketSource {
public:
    // Takes ownership of `file`.
    static Result<std::unique_ptr<PcapngReader>> openStream(FILE* file);
    ~PcapngReader() override;

    ReadStatus next(RawPacket& packet) override;
    std::string errorMessage() const override;
    int linkType() const override;
    std::uint64_t bytesRead() const override;

    // Skips the first `count` packets, to take over from a reader that stopped
    // there. False when the file ends or breaks before that.
    bool skipPackets(std::uint64_t count);

private:
    struct Impl;
    explicit PcapngReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace tcpladder
