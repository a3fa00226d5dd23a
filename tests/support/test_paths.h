#pragma once

#include <string>

namespace tcpladder::test {

// The shared corpus and oracle lie beside the project checkout.
inline std::string sharedDir() {
    return std::string(TCPLADDER_SOURCE_DIR) + "/../shared";
}
inline std::string corpusDir() {
    return sharedDir() + "/corpus";
}

} // namespace tcpladder::test
