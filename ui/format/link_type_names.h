#pragma once

#include <QString>

namespace tcpladder::ui {

// A reader's name for a pcap LINKTYPE_ value, e.g. "Ethernet", "Linux cooked (SLL)".
QString linkTypeName(int linkType);

} // namespace tcpladder::ui
