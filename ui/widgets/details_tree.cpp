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
    m_tree->clear();
    m_title->setText(title);
    for (const DetailsSection& section : sections) {
        auto* parent = new QTreeWidgetItem(m_tree, {section.title});
        QFont bold = parent->font(0);
        bold.setBold(true);
        parent->setFont(0, bold);
        for (const auto& [field, value] : section.fields)
            new QTreeWidgetItem(parent, {field, value});
    }
    m_tree->expandAll();
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
