#pragma once

#include "messages/assembled_stream.h"
#include "messages/message.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tcpladder {

// What every parser does with a stream: cut a message out of it, read a
// line, resume after a hole.

// A message over [from, from + length) of one direction. The part past the
// stream's end, or any byte the capture lacks, marks it truncated.
Message streamMessage(const AssembledStream& stream, bool toServer, MessageProtocol protocol,
                      MessageKind kind, std::uint64_t from, std::uint64_t length);

// The line starting at `offset` without its CR LF, and the offset after it;
// empty when no line end lies within `maxLength` captured bytes.
struct StreamLine {
    std::string_view text;
    std::uint64_t next = 0;
};
std::optional<StreamLine> readLine(const AssembledStream& stream, std::uint64_t offset,
                                   std::size_t maxLength);

std::string_view asText(std::span<const std::uint8_t> bytes);
// Printable for a label: control bytes and non-ASCII become '.', cut to `max`.
std::string printable(std::string_view text, std::size_t max);
bool startsWithNoCase(std::string_view text, std::string_view prefix);

} // namespace tcpladder
