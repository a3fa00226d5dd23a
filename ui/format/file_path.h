#pragma once

#include <QString>
#include <string>
#include <string_view>

namespace tcpladder::ui {

// A Linux file name is bytes, not text: `bad\xff.pcap` exists, yet no UTF-8
// decoder (Qt's included) turns it into a QString and back unchanged. These
// two do: bytes that are not UTF-8 become the lone surrogates U+DC80..U+DCFF
// (Python's "surrogateescape") and turn back into the same bytes, so a path
// survives argv → QString → open() and QString → file name of an export.
QString pathFromBytes(std::string_view bytes);
std::string pathToBytes(const QString& path);

} // namespace tcpladder::ui
