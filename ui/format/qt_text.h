#pragma once

#include <QString>
#include <string>
#include <string_view>

namespace tcpladder::ui {

// The core speaks std::string; the GUI turns it into QString only here, at its edge.
inline QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace tcpladder::ui
