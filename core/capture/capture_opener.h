#pragma once

#include "capture/packet_source.h"
#include "common/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace tcpladder {

// Opens a pcap or pcapng capture for reading: a file, "-" for standard input,
// a FIFO or a pipe, each possibly gzip, zstd or lz4 compressed (told by the
// first bytes). libpcap reads it; a pcapng file that libpcap refuses, at open
// or partway through (interfaces that differ in link type or snapshot
// length), is read on by the core's own PcapngReader from where libpcap
// stopped (from a pipe, which cannot be read twice, the own reader reads all
// of a pcapng). The source's rereader() reads packets again after the load.
// Error messages do not name the file: the caller knows it.
Result<std::unique_ptr<PacketSource>> openCapture(const std::string& path);

// The same over a capture image in memory, e.g. a fuzzer's input (which may
// be compressed too). `data` must
// stay valid for as long as the returned source is used.
Result<std::unique_ptr<PacketSource>> openCaptureInMemory(const std::uint8_t* data,
                                                          std::size_t size);

} // namespace tcpladder
