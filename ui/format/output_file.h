#pragma once

#include <QFile>
#include <QString>

namespace tcpladder::ui {

// The file an export writes. Opened by its bytes (the name need not be
// UTF-8, see file_path.h), and finished only when every byte reached it: a
// full disk or a failing device is an error, not a quietly empty picture.
class OutputFile {
public:
    explicit OutputFile(QString path);
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Creates or truncates the file; false with "cannot write PATH: why".
    bool open(QString* error);
    QIODevice* device() { return &m_file; }
    // Flushes and closes; false with the reason when any write failed.
    bool finish(QString* error);
    // For a writer that failed on its own (a painter that would not begin).
    QString failure() const;

private:
    QString m_path;
    QFile m_file;
};

} // namespace tcpladder::ui
