#pragma once

#include "analysis/slow_rule.h"

#include <QString>

namespace tcpladder::ui {

// The rule in a sentence, for tooltips.
QString slowRuleDescription(const SlowRule& rule);

} // namespace tcpladder::ui
