#include "ladder/ladder_view.h"
#include "widgets/view_actions.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QKeySequence>

namespace tcpladder::ui {

void LadderView::addActions() {
    setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto add = [this](const QString& text, const QList<QKeySequence>& keys, auto slot) {
        return addViewAction(this, text, keys, slot);
    };
    const auto separator = [this] { addViewSeparator(this); };
    add(tr("Zoom In"), {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)},
        [this] { zoomBy(1.25); });
    add(tr("Zoom Out"), {QKeySequence(Qt::Key_Minus)}, [this] { zoomBy(0.8); });
    add(tr("Fit Connection"), {QKeySequence(Qt::Key_F)}, [this] { fitConnection(); });
    separator();
    add(tr("Next Retransmission"), {QKeySequence(Qt::Key_R)},
        [this] { selectNextRetransmission(); });
    add(tr("Previous Retransmission"), {QKeySequence(Qt::SHIFT | Qt::Key_R)},
        [this] { selectNextRetransmission(true); });
    add(tr("Next Stall"), {QKeySequence(Qt::Key_S)}, [this] { selectNextStall(); });
    add(tr("Previous Stall"), {QKeySequence(Qt::SHIFT | Qt::Key_S)},
        [this] { selectNextStall(true); });
    add(tr("Next Reset"), {QKeySequence(Qt::Key_X)}, [this] { selectNextReset(); });
    add(tr("Previous Reset"), {QKeySequence(Qt::SHIFT | Qt::Key_X)},
        [this] { selectNextReset(true); });
    separator();
    QAction* perPacket = add(tr("One Row per Packet"), {QKeySequence(Qt::Key_P)}, [] {});
    perPacket->setCheckable(true);
    connect(perPacket, &QAction::toggled, this,
            [this](bool on) { setTimeAxis(on ? TimeAxis::PerPacket : TimeAxis::TrueTime); });
    QAction* flat = add(tr("Flat Arrows at Capture Time"), {QKeySequence(Qt::Key_L)}, [] {});
    flat->setCheckable(true);
    connect(flat, &QAction::toggled, this, [this](bool on) { setSlanted(!on); });
    separator();
    add(tr("Copy Visible Ladder"), {QKeySequence::Copy}, [this] { copyVisibleToClipboard(); });
}

void LadderView::copyVisibleAsText(LadderTextFormat format) const {
    if (!m_layout)
        return;
    const auto [top, bottom] = visibleSlice();
    const auto [first, last] = m_layout->packetsBetween(top, bottom);
    QGuiApplication::clipboard()->setText(ladderText(*m_layout, first, last, format));
}

} // namespace tcpladder::ui
