#include "format/link_type_names.h"

namespace tcpladder::ui {

QString linkTypeName(int linkType) {
    switch (linkType) {
    case 0:
        return QStringLiteral("BSD loopback");
    case 1:
        return QStringLiteral("Ethernet");
    case 9:
        return QStringLiteral("PPP");
    case 12:
    case 14:
    case 101:
        return QStringLiteral("Raw IP");
    case 105:
        return QStringLiteral("802.11");
    case 108:
        return QStringLiteral("OpenBSD loopback");
    case 113:
        return QStringLiteral("Linux cooked (SLL)");
    case 127:
        return QStringLiteral("802.11 radiotap");
    case 228:
        return QStringLiteral("Raw IPv4");
    case 229:
        return QStringLiteral("Raw IPv6");
    case 239:
        return QStringLiteral("Linux NFLOG");
    case 253:
        return QStringLiteral("Linux netlink");
    case 276:
        return QStringLiteral("Linux cooked v2 (SLL2)");
    default:
        return QStringLiteral("link type %1").arg(linkType);
    }
}

} // namespace tcpladder::ui
