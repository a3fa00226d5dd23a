#include "ladder/ladder_text_export.h"

#include "format/qt_text.h"
#include "format/units.h"
#include "ladder/ladder_exporter.h"
#include "ladder/ladder_label_layout.h"
#include "ladder/ladder_label_text.h"
#include "ladder/ladder_painter.h"
#include "ladder/ladder_style.h"
#include "store/packet_text.h"

#include <QFileInfo>
#include <QImage>
#include <QStringList>
#include <algorithm>

namespace tcpladder::ui {
namespace {

// Something said across both lanes before the packet at `before`: an idle
// break cut from the axis, or the capture's clock stepping back.
struct Aside {
    std::size_t before = 0;
    QString text;
};

std::vector<Aside> asides(const LadderLayout& layout, std::size_t first, std::size_t last) {
    const LadderData& data = layout.data();
    std::vector<Aside> result;
    for (const Silence& gap : data.timeline.breaks)
        if (gap.before > first && gap.before < last)
            result.push_back(
                {gap.before, QStringLiteral("idle %1").arg(formatDuration(gap.length()))});
    for (std::size_t index : layout.clockStepsBetween(first, last))
        result.push_back({index, QStringLiteral("clock steps back %1 at #%2")
                                     .arg(formatDuration(data.relativeTime(index - 1) -
                                                         data.relativeTime(index)))
                                     .arg(data.packet(index).frame())});
    std::ranges::stable_sort(result, {}, &Aside::before);
    return result;
}

QString lane(bool client) {
    return client ? QStringLiteral("C") : QStringLiteral("S");
}

// Mermaid reads '#' as the start of an entity and ';' as a statement's end.
QString mermaid(const QString& text) {
    QString escaped;
    for (const QChar c : text) {
        if (c == QChar('#'))
            escaped += QStringLiteral("#35;");
        else if (c == QChar(';'))
            escaped += QStringLiteral("#59;");
        else
            escaped += c;
    }
    return escaped;
}

// PlantUML reads a leading '#' as a numbered list item; '~' escapes it.
QString plantUml(QString text) {
    return text.replace(QChar('#'), QStringLiteral("~#"));
}

// A packet's own label on one line:
// "#12 63.179 ms GET /api/orders  PA  Seq=1 … [retransmission]".
QString singleText(const LadderData& data, std::size_t index) {
    const LabelText label = labelText(data, index);
    QString text =
        label.frame + QChar(' ') + label.time.trimmed() + QChar(' ') + label.message + label.fields;
    if (const auto analysis = data.packet(index).analysis())
        text += QStringLiteral(" [%1]").arg(toQString(analysisWords(analysis)));
    return text;
}

QString bundleLine(const LadderData& data, const LadderLabel& label) {
    const BundleText text = bundleText(data, label);
    return text.frames + text.summary;
}

class Writer {
public:
    Writer(const LadderData& data, LadderTextFormat format) : m_data(data), m_format(format) {}

    void begin() {
        const QString client = QStringLiteral("client %1").arg(m_data.clientName);
        const QString server = QStringLiteral("server %1").arg(m_data.serverName);
        switch (m_format) {
        case LadderTextFormat::Text:
            m_lines << QStringLiteral("connection %1: %2, %3")
                           .arg(m_data.connection)
                           .arg(client, server);
            break;
        case LadderTextFormat::Mermaid:
            m_lines << QStringLiteral("sequenceDiagram")
                    << QStringLiteral("    participant C as %1").arg(mermaid(client))
                    << QStringLiteral("    participant S as %1").arg(mermaid(server));
            break;
        case LadderTextFormat::PlantUml:
            m_lines << QStringLiteral("@startuml")
                    << QStringLiteral("participant \"%1\" as C").arg(client)
                    << QStringLiteral("participant \"%1\" as S").arg(server);
            break;
        }
    }

    void single(std::size_t index) {
        const PacketRecord& packet = m_data.packet(index);
        const bool fromClient = m_data.fromClient(index);
        switch (m_format) {
        case LadderTextFormat::Text: {
            // The seed's line, then the messages the packet starts.
            QString line = toQString(ladderLine(packet, fromClient, m_data.relativeTime(index)));
            if (const QString message = messageText(m_data, index); !message.isEmpty())
                line += QStringLiteral("  | ") + message;
            m_lines << line;
            return;
        }
        case LadderTextFormat::Mermaid:
            m_lines << QStringLiteral("    %1->>%2: %3")
                           .arg(lane(fromClient), lane(!fromClient),
                                mermaid(singleText(m_data, index)));
            return;
        case LadderTextFormat::PlantUml:
            const ArrowKind kind = arrowKind(packet.flags(), packet.payloadLength());
            m_lines << QStringLiteral("%1 -[%2]> %3 : %4")
                           .arg(lane(fromClient), arrowStyle(kind).color.name(), lane(!fromClient),
                                plantUml(singleText(m_data, index)));
            return;
        }
    }

    void bundle(const LadderLabel& label) {
        const bool fromClient = label.fromClient;
        switch (m_format) {
        case LadderTextFormat::Text: {
            const BundleText text = bundleText(m_data, label);
            m_lines << QStringLiteral("%1%2[%3–%4]%5")
                           .arg(fromClient ? QString() : QString::fromLatin1(kLadderServerIndent),
                                fromClient ? QStringLiteral("==>") : QStringLiteral("<=="))
                           .arg(m_data.packet(label.first).frame())
                           .arg(m_data.packet(label.last).frame())
                           .arg(text.summary.mid(2));
            return;
        }
        case LadderTextFormat::Mermaid:
            m_lines << QStringLiteral("    %1-)%2: %3")
                           .arg(lane(fromClient), lane(!fromClient),
                                mermaid(bundleLine(m_data, label)));
            return;
        case LadderTextFormat::PlantUml:
            m_lines << QStringLiteral("%1 ->> %2 : %3")
                           .arg(lane(fromClient), lane(!fromClient), bundleLine(m_data, label));
            return;
        }
    }

    void aside(const QString& text) {
        switch (m_format) {
        case LadderTextFormat::Text:
            m_lines << QStringLiteral("    ~~~ %1 ~~~").arg(text);
            return;
        case LadderTextFormat::Mermaid:
            m_lines << QStringLiteral("    Note over C,S: %1").arg(mermaid(text));
            return;
        case LadderTextFormat::PlantUml:
            m_lines << QStringLiteral("... %1 ...").arg(text);
            return;
        }
    }

    QString end() {
        if (m_format == LadderTextFormat::PlantUml)
            m_lines << QStringLiteral("@enduml");
        return m_lines.join(QChar('\n')) + QChar('\n');
    }

private:
    const LadderData& m_data;
    LadderTextFormat m_format;
    QStringList m_lines;
};

} // namespace

std::optional<LadderTextFormat> ladderTextFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("txt"))
        return LadderTextFormat::Text;
    if (suffix == QLatin1String("mmd"))
        return LadderTextFormat::Mermaid;
    if (suffix == QLatin1String("puml"))
        return LadderTextFormat::PlantUml;
    return std::nullopt;
}

QString ladderText(const LadderLayout& layout, std::size_t first, std::size_t last,
                   LadderTextFormat format) {
    const LadderData& data = layout.data();
    last = std::min(last, data.packetCount());
    Writer writer(data, format);
    writer.begin();
    if (first < last) {
        // Measured as a picture would measure them, so the bundles are the picture's.
        QImage device(1, 1, QImage::Format_ARGB32_Premultiplied);
        LabelTexts texts(data, &device, maxLabelWidth(layout));
        const auto [top, bottom] = ladderSliceFor(layout, first, last);
        std::vector<LadderLabel> labels =
            layoutLabels(layout, first, last, top, bottom, texts.widths());
        std::ranges::sort(labels, {}, &LadderLabel::first);
        const std::vector<Aside> notes = asides(layout, first, last);
        auto note = notes.begin();
        for (const LadderLabel& label : labels) {
            for (; note != notes.end() && note->before <= label.first; ++note)
                writer.aside(note->text);
            if (label.single())
                writer.single(label.first);
            else
                writer.bundle(label);
        }
    }
    return writer.end();
}

} // namespace tcpladder::ui
