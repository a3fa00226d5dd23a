#pragma once

#include "ladder/packet_details_text.h"

#include <QWidget>
#include <vector>

class QLabel;
class QTreeWidget;

namespace tcpladder::ui {

// A title over sections of "field: value" rows, every section open: what
// the packet details panes of one capture and of two capture points show.
class DetailsTree : public QWidget {
    Q_OBJECT

public:
    explicit DetailsTree(QWidget* parent = nullptr);

    void setSections(const QString& title, const std::vector<DetailsSection>& sections);
    void clearSections(const QString& title);
    QString title() const;
    // The shown fields as "Section / Field: value" lines, for tests and copying.
    QString text() const;

private:
    QLabel* m_title;
    QTreeWidget* m_tree;
};

} // namespace tcpladder::ui
