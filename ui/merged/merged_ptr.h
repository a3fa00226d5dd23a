#pragma once

#include "merge/merged_capture.h"

#include <QMetaType>
#include <memory>

namespace tcpladder::ui {

// A merge of two capture points, built on the worker and shared read-only by every view.
using MergedPtr = std::shared_ptr<const MergedCapture>;

} // namespace tcpladder::ui

Q_DECLARE_METATYPE(tcpladder::ui::MergedPtr)
