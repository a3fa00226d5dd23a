#pragma once

#include <string>

namespace tcpladder {

// libpcap's words for a link type (DLT_ value): "Ethernet", "Linux cooked v2",
// "DLT 147" for one it does not know.
std::string linkTypeDescription(int linkType);
// The short name with the number, for warnings: "IEEE802_11_RADIO (127)".
std::string linkTypeLabel(int linkType);

} // namespace tcpladder
