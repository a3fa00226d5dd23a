#include "format/output_file.h"

#include "format/file_path.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tcpladder::ui {

OutputFile::OutputFile(QString path) : m_path(std::move(path)) {}

bool OutputFile::open(QString* error) {
    const int fd =
        ::open(pathToBytes(m_path).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        *error = QStringLiteral("cannot write %1: %2")
                     .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (!m_file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *error = failure();
        return false;
    }
    return true;
}

bool OutputFile::finish(QString* error) {
    const bool flushed = m_file.flush();
    const bool ok = flushed && m_file.error() == QFileDevice::NoError;
    if (!ok)
        *error = failure();
    m_file.close();
    return ok;
}

QString OutputFile::failure() const {
    const QString reason = m_file.error() == QFileDevice::NoError
                               ? QStringLiteral("the writer failed")
                               : m_file.errorString();
    return QStringLiteral("cannot write %1: %2").arg(m_path, reason);
}

} // namespace tcpladder::ui
