#include "ladder/ladder_label_text.h"

#include "ladder/ladder_labels.h"

namespace tcpladder::ui {

using namespace label_geometry;

namespace {

QFont boldLabelFont() {
    QFont font = ladder_palette::labelFont();
    font.setBold(true);
    return font;
}

// Absorbs rounding between the advances summed here and the shaped text.
constexpr double kSlackPerPiece = 1;

} // namespace

LabelText labelText(const LadderData& data, std::size_t index) {
    return {frameLabel(data, index),
            QStringLiteral("  ") + relativeTimeLabel(data.relativeTime(index)) +
                QStringLiteral("  "),
            arrowLabel(data, index), badgesFor(data.packet(index).analysis())};
}

LabelMeasure::Advances::Advances(const QFontMetricsF& fontMetrics) : metrics(fontMetrics) {
    for (char16_t c = 0; c < ascii.size(); ++c)
        ascii[c] = metrics.horizontalAdvance(QChar(c));
}

double LabelMeasure::Advances::sum(const QString& text) const {
    double total = kSlackPerPiece;
    for (const QChar c : text)
        total += c.unicode() < ascii.size() ? ascii[c.unicode()] : metrics.horizontalAdvance(c);
    return total;
}

LabelMeasure::LabelMeasure(QPaintDevice* device)
    : m_regular(QFontMetricsF(ladder_palette::labelFont(), device)),
      m_bold(QFontMetricsF(boldLabelFont(), device)),
      m_badge(QFontMetricsF(ladder_palette::smallFont(), device)) {}

double LabelMeasure::lineWidth(const QString& text, bool bold) const {
    return (bold ? m_bold : m_regular).sum(text);
}

double LabelMeasure::badgeWidth(const QString& text) const {
    return m_badge.sum(text) + kBadgeExtra;
}

double LabelMeasure::width(const LabelText& text) const {
    double total = 2 * kPadding + lineWidth(text.frame, true) + lineWidth(text.time, false) +
                   lineWidth(text.fields, false);
    for (const Badge& badge : text.badges)
        total += kBadgeGap + badgeWidth(badge.text);
    return total;
}

const LabelText& LabelTexts::text(std::size_t index) {
    auto it = m_texts.find(index);
    if (it == m_texts.end())
        it = m_texts.emplace(index, labelText(m_data, index)).first;
    return it->second;
}

} // namespace tcpladder::ui
