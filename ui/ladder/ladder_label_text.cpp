#include "ladder/ladder_label_text.h"

#include "format/qt_text.h"
#include "format/units.h"
#include "ladder/ladder_labels.h"
#include "store/packet_text.h"

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
// A server's flight (ServerHello, Certificate, ServerHelloDone, …) names
// this many messages, then counts the rest; a long name is cut short.
constexpr std::size_t kMessagesNamed = 3;
constexpr qsizetype kMessageChars = 60;

} // namespace

LabelText labelText(const LadderData& data, std::size_t index) {
    QString message = messageText(data, index);
    if (!message.isEmpty())
        message += QStringLiteral("  ");
    return {frameLabel(data, index),
            QStringLiteral("  ") + relativeTimeLabel(data.relativeTime(index)) +
                QStringLiteral("  "),
            message, arrowLabel(data, index), badgesFor(data.packet(index).analysis())};
}

QString messageText(const LadderData& data, std::size_t index) {
    const auto [first, last] = data.messagesStartingAt(index);
    QStringList names;
    for (std::size_t m = first; m < last && names.size() < qsizetype(kMessagesNamed); ++m) {
        QString name = QString::fromStdString(data.messages->messages[m].label);
        if (name.size() > kMessageChars)
            name = name.left(kMessageChars - 1) + QChar(0x2026);
        names << name;
    }
    if (last - first > kMessagesNamed)
        names << QStringLiteral("+%1 more").arg(last - first - kMessagesNamed);
    return names.join(QStringLiteral(" · "));
}

BundleText bundleText(const LadderData& data, const LadderLabel& bundle) {
    BundleText text;
    text.frames = QStringLiteral("#%1–#%2")
                      .arg(data.packet(bundle.first).frame())
                      .arg(data.packet(bundle.last).frame());
    QString sum = bundle.fromClient ? QStringLiteral(" → ") : QStringLiteral(" ← ");
    const QString count = formatCount(bundle.count);
    if (bundle.segments == bundle.count)
        sum += QStringLiteral("%1 segments").arg(count);
    else if (bundle.segments == 0 && bundle.acks == bundle.count)
        sum += QStringLiteral("%1 ACKs").arg(count);
    else if (bundle.segments == 0)
        sum += QStringLiteral("%1 packets").arg(count);
    else
        sum += QStringLiteral("%1 packets, %2 with data").arg(count, formatCount(bundle.segments));
    const auto range = [](const QString& name, std::uint32_t from, std::uint32_t to) {
        return from == to
                   ? QStringLiteral(" · %1 %2").arg(name, formatCount(from))
                   : QStringLiteral(" · %1 %2–%3").arg(name, formatCount(from), formatCount(to));
    };
    if (bundle.segments > 0)
        sum += QStringLiteral(" · %1 B").arg(formatCount(bundle.bytes)) +
               range(QStringLiteral("seq"), bundle.seqFirst, bundle.seqEnd);
    else if (bundle.acks > 0)
        sum += range(QStringLiteral("ack"), bundle.ackFirst, bundle.ackLast);
    text.summary = sum;
    return text;
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
                   lineWidth(text.message, true) + lineWidth(text.fields, false);
    for (const Badge& badge : text.badges)
        total += kBadgeGap + badgeWidth(badge.text);
    return total;
}

double LabelTexts::width(const LadderLabel& label) {
    if (label.single())
        return width(label.first);
    const BundleText bundle = bundleText(m_data, label);
    return 2 * kPadding + m_measure.lineWidth(bundle.frames, true) +
           m_measure.lineWidth(bundle.summary, false);
}

const LabelText& LabelTexts::text(std::size_t index) {
    auto it = m_texts.find(index);
    if (it != m_texts.end())
        return it->second;
    LabelText text = labelText(m_data, index);
    if (!text.message.isEmpty() && m_measure.width(text) > m_maxWidth) {
        const PacketRecord& packet = m_data.packet(index);
        text.fields = toQString(flagLetters(packet.flags())) +
                      QStringLiteral("  Len=%1").arg(packet.payloadLength());
        const QString ellipsis = QStringLiteral("…  ");
        QString names = text.message.chopped(2);
        while (m_measure.width(text) > m_maxWidth && names.size() > 12) {
            names.chop(1);
            text.message = names + ellipsis;
        }
    }
    return m_texts.emplace(index, std::move(text)).first->second;
}

} // namespace tcpladder::ui
