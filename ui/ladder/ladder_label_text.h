#pragma once

#include "ladder/ladder_data.h"
#include "ladder/ladder_label_layout.h"
#include "ladder/ladder_layout.h"
#include "ladder/ladder_style.h"

#include <QFontMetricsF>
#include <QString>
#include <array>
#include <cstddef>
#include <unordered_map>
#include <vector>

class QPaintDevice;

namespace tcpladder::ui {

// An arrow's label in the pieces painted one after another: the frame
// number (bold), the time, the application messages it starts (bold), the
// segment's fields, then its analysis badges.
struct LabelText {
    QString frame;
    QString time;
    QString message; // "GET /api/orders  ", or empty
    QString fields;
    std::vector<Badge> badges;
};

LabelText labelText(const LadderData& data, std::size_t index);

// The names of the messages that start at the packet, joined: "GET /a · GET /b";
// empty when it starts none or the messages are not read yet.
QString messageText(const LadderData& data, std::size_t index);

// A bundle's text in two pieces, the frames it names (bold) and its sum:
// "#300–#330" and " ← 16 segments · 23,168 B · seq 218,806–241,974". The
// arrow says which side sent them: the frames between are the other side's.
struct BundleText {
    QString frames;
    QString summary;
};

BundleText bundleText(const LadderData& data, const LadderLabel& bundle);

// How a label is laid out, shared by measuring and painting so the two agree.
namespace label_geometry {
constexpr double kPadding = 3;  // white space either side of the text
constexpr double kBadgeGap = 3; // before each badge
constexpr double kBadgeExtra = 8;
} // namespace label_geometry

// Label widths without shaping text: the sum of the characters' advances in
// the painting device's metrics, plus a pixel of slack per piece. Shaping
// these Latin strings adds no ligatures, and kerning only narrows them, so
// the sum is an upper bound of the painted width at a fraction of the cost;
// a dense ladder measures hundreds of candidate labels per frame.
class LabelMeasure {
public:
    explicit LabelMeasure(QPaintDevice* device = nullptr);

    // The whole label: padding, text and badges.
    double width(const LabelText& text) const;
    double lineWidth(const QString& text, bool bold) const;
    double badgeWidth(const QString& text) const;

private:
    struct Advances {
        explicit Advances(const QFontMetricsF& metrics);
        double sum(const QString& text) const;
        QFontMetricsF metrics;
        std::array<double, 128> ascii{};
    };
    Advances m_regular;
    Advances m_bold;
    Advances m_badge;
};

// The labels of one paint: each packet's text is built once, measured for
// the layout's placement and kept for painting. A label that names messages
// and would be wider than `maxWidth` (the room between the lanes) keeps only
// the flags and length of its segment, then cuts the names short.
class LabelTexts {
public:
    LabelTexts(const LadderData& data, QPaintDevice* device, double maxWidth = 1e300)
        : m_data(data), m_measure(device), m_maxWidth(maxWidth) {}

    const LabelText& text(std::size_t index);
    double width(std::size_t index) { return m_measure.width(text(index)); }
    double width(const LadderLabel& label);
    LadderLabelWidth widths() {
        return [this](const LadderLabel& label) { return width(label); };
    }

private:
    const LadderData& m_data;
    LabelMeasure m_measure;
    double m_maxWidth;
    std::unordered_map<std::size_t, LabelText> m_texts;
};

} // namespace tcpladder::ui
