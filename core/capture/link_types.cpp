#include "capture/link_types.h"

#include <pcap/pcap.h>

namespace tcpladder {

std::string linkTypeDescription(int linkType) {
    return pcap_datalink_val_to_description_or_dlt(linkType);
}

std::string linkTypeLabel(int linkType) {
    const char* name = pcap_datalink_val_to_name(linkType);
    return (name ? std::string(name) + " (" : std::string("(")) + std::to_string(linkType) + ")";
}

} // namespace tcpladder
