#include "widgets/details_tree.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tcpladder::ui {

DetailsTree::DetailsTree(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_tree(new QTreeWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tree);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Field"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
}

void DetailsTree::setSections(const QString& title, const std::vector<DetailsSection>& sections) {
    m_title->setText(title);
    // Rows are rewritten in place, not rebuilt: the header a worker re-reads
    // a moment after the indexed fields show must not blank the tree or
    // throw away its scroll position.
    m_tree->setUpdatesEnabled(false);
    const int count = static_cast<int>(sections.size());
    for (int i = 0; i < count; ++i) {
        const DetailsSection& section = sections[static_cast<std::size_t>(i)];
        QTreeWidgetItem* parent = m_tree->topLevelItem(i);
        if (!parent) {
            parent = new QTreeWidgetItem(m_tree);
            QFont bold = parent->font(0);
            bold.setBold(true);
            parent->setFont(0, bold);
        }
        parent->setText(0, section.title);
        const int fields = static_cast<int>(section.fields.size());
        for (int j = 0; j < fields; ++j) {
            QTreeWidgetItem* child = parent->child(j);
            if (!child)
                child = new QTreeWidgetItem(parent);
            const auto& [field, value] = section.fields[static_cast<std::size_t>(j)];
            child->setText(0, field);
            child->setText(1, value);
        }
        while (parent->childCount() > fields)
            delete parent->takeChild(parent->childCount() - 1);
        parent->setExpanded(true);
    }
    while (m_tree->topLevelItemCount() > count)
        delete m_tree->takeTopLevelItem(m_tree->topLevelItemCount() - 1);
    m_tree->setUpdatesEnabled(true);
}

void DetailsTree::clearSections(const QString& title) {
    setSections(title, {});
}

QString DetailsTree::title() const {
    return m_title->text();
}

QString DetailsTree::text() const {
    QStringList lines;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* section = m_tree->topLevelItem(i);
        for (int j = 0; j < section->childCount(); ++j)
            lines << QStringLiteral("%1 / %2: %3")
                         .arg(section->text(0), section->child(j)->text(0),
                              section->child(j)->text(1));
    }
    return lines.join(QChar('\n'));
}

} // namespace tcpladder::ui
