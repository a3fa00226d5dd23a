#pragma once

#include "ladder_label_checks.h"

#include <QFile>
#include <QRegularExpression>
#include <QTransform>
#include <QXmlStreamReader>
#include <optional>
#include <vector>

// Reads an exported ladder SVG back as a reader would: the labels it names
// (a bold "#12" or "#300–#330" with the box painted behind it) and the
// title's packet count. Streams the file, so it also reads huge exports.
namespace tcpladder::test {

struct LadderSvg {
    std::vector<SeenLabel> labels;
    std::optional<std::size_t> titleCount; // N in "(N of M packets)"
    QString error;
};

inline QTransform svgTransform(const QString& attribute) {
    static const QRegularExpression matrix(QStringLiteral(
        R"(matrix\(([-\d.e]+),([-\d.e]+),([-\d.e]+),([-\d.e]+),([-\d.e]+),([-\d.e]+)\))"));
    const auto match = matrix.match(attribute);
    if (!match.hasMatch())
        return {};
    return QTransform(match.captured(1).toDouble(), match.captured(2).toDouble(),
                      match.captured(3).toDouble(), match.captured(4).toDouble(),
                      match.captured(5).toDouble(), match.captured(6).toDouble());
}

inline LadderSvg readLadderSvg(const QString& path, const ui::LadderData& data) {
    LadderSvg svg;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        svg.error = QStringLiteral("cannot open %1").arg(path);
        return svg;
    }
    static const QRegularExpression frames(QStringLiteral("^#(\\d+)(?:–#(\\d+))?$"));
    static const QRegularExpression count(QStringLiteral("\\(([\\d,]+) of [\\d,]+ packets\\)"));
    QXmlStreamReader xml(&file);
    QTransform transform;
    QRectF lastRect;
    // A bundle's side is in the text after its frames: "→" client, "←" server.
    std::optional<SeenLabel> bundleAwaitingSide;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto attributes = xml.attributes();
        if (xml.name() == QLatin1String("g")) {
            transform = svgTransform(attributes.value("transform").toString());
        } else if (xml.name() == QLatin1String("rect")) {
            lastRect = transform.mapRect(QRectF(
                attributes.value("x").toDouble(), attributes.value("y").toDouble(),
                attributes.value("width").toDouble(), attributes.value("height").toDouble()));
        } else if (xml.name() == QLatin1String("text")) {
            const bool bold = attributes.value("font-weight") == QLatin1String("700");
            const QString text = xml.readElementText();
            if (bundleAwaitingSide) {
                bundleAwaitingSide->fromClient = text.contains(QChar(0x2192));
                if (!bundleAwaitingSide->fromClient && !text.contains(QChar(0x2190)))
                    svg.error = QStringLiteral("bundle #%1 has no direction")
                                    .arg(bundleAwaitingSide->firstFrame);
                svg.labels.push_back(*bundleAwaitingSide);
                bundleAwaitingSide.reset();
                continue;
            }
            if (const auto title = count.match(text); title.hasMatch() && !svg.titleCount)
                svg.titleCount = title.captured(1).remove(QChar(',')).toULongLong();
            const auto match = frames.match(text);
            if (!bold || !match.hasMatch())
                continue;
            SeenLabel label;
            label.firstFrame = match.captured(1).toULongLong();
            label.lastFrame =
                match.captured(2).isEmpty() ? label.firstFrame : match.captured(2).toULongLong();
            label.box = lastRect;
            const QPointF at = transform.map(
                QPointF(attributes.value("x").toDouble(), attributes.value("y").toDouble()));
            if (!lastRect.contains(at))
                svg.error = QStringLiteral("#%1 is drawn outside its box").arg(label.firstFrame);
            if (label.firstFrame == label.lastFrame) {
                const std::size_t index = data.indexOfFrame(label.firstFrame);
                label.fromClient = index < data.packetCount() && data.fromClient(index);
                svg.labels.push_back(label);
            } else {
                bundleAwaitingSide = label;
            }
        }
    }
    if (xml.hasError())
        svg.error = xml.errorString();
    return svg;
}

} // namespace tcpladder::test
