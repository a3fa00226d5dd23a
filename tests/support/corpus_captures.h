#pragma once

#include "support/test_paths.h"

#include <QDirIterator>
#include <QStringList>

namespace tcpladder::test {

// Every capture of the shared corpus, sorted; empty when the corpus is missing
// (callers fail then: a test over no capture checks nothing).
inline QStringList corpusCaptures() {
    QStringList captures;
    QDirIterator files(QString::fromStdString(corpusDir()), QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (path.endsWith(".pcap") || path.endsWith(".pcapng") || path.endsWith(".cap"))
            captures << path;
    }
    captures.sort();
    return captures;
}

} // namespace tcpladder::test
