// tcpladder-bench-messages CAPTURE [CONNECTION]: what selecting a connection
// costs once its application messages are read too. Prints a Markdown table:
// the ladder's first paint after selection (the messages are read on a worker
// meanwhile), the wait until they arrive, the GUI thread's work to take them
// (labels, brackets, notes) and paint again, and the core's read alone in
// CPU time. The connection defaults to the one with the most packets.

#include "ladder/ladder_view.h"
#include "load/capture_loader.h"
#include "loading/connection_messages_job.h"
#include "view_state/connection_view_state.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <cstdio>
#include <ctime>

using namespace tcpladder;

namespace {

double cpuMs(clockid_t clock = CLOCK_PROCESS_CPUTIME_ID) {
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

void paint(ui::LadderView& view) {
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    view.render(&image);
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: tcpladder-bench-messages CAPTURE [CONNECTION]\n");
        return 2;
    }
    auto loaded = loadCapture(argv[1]);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().c_str());
        return 1;
    }
    std::shared_ptr<const LoadedCapture> capture = std::move(loaded.value());
    std::uint32_t connection = 0;
    if (argc > 2) {
        connection = static_cast<std::uint32_t>(std::stoul(argv[2]));
    } else {
        for (std::uint32_t c = 0; c < capture->connections.size(); ++c)
            if (capture->packets.packetCount(c) > capture->packets.packetCount(connection))
                connection = c;
    }
    if (connection >= capture->connections.size()) {
        std::fprintf(stderr, "no connection %u\n", connection);
        return 2;
    }

    const double readStart = cpuMs();
    const auto read = readConnectionMessages(*capture, connection);
    const double readCpu = cpuMs() - readStart;
    const std::size_t messages = read ? read.value().messages.size() : 0;

    ui::ConnectionViewState state;
    QElapsedTimer timer;
    double arrived = 0;
    double arrivedCpu = 0;
    double applied = 0;
    double appliedCpu = 0;
    // Connected before the view, so it runs before the view takes them.
    QObject::connect(&state, &ui::ConnectionViewState::messagesChanged, [&] {
        arrived = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        arrivedCpu = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    });
    ui::ConnectionMessagesJob job(&state);
    ui::LadderView view(&state);
    view.resize(1200, 900);
    paint(view); // fonts and caches warm, as in a window already showing a connection
    QObject::connect(&view, &ui::LadderView::ladderChanged, [&] {
        if (arrived > 0 && applied == 0) {
            paint(view);
            applied = static_cast<double>(timer.nsecsElapsed()) / 1e6 - arrived;
            appliedCpu = cpuMs(CLOCK_THREAD_CPUTIME_ID) - arrivedCpu;
        }
    });
    state.setCapture(capture);
    timer.start();
    const double paintCpuStart = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    state.setConnection(static_cast<int>(connection));
    paint(view);
    const double firstPaint = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const double firstPaintCpu = cpuMs(CLOCK_THREAD_CPUTIME_ID) - paintCpuStart;
    while (applied == 0 && timer.elapsed() < 60'000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);

    std::printf("| connection | packets | messages | first paint (ms; GUI thread CPU) | messages "
                "arrive after (ms) | GUI thread takes them and repaints (ms; CPU) | core read "
                "(CPU ms) |\n");
    std::printf("| --- | --- | --- | --- | --- | --- | --- |\n");
    std::printf("| %u | %zu | %zu | %.1f; %.1f | %.1f | %.1f; %.1f | %.1f |\n", connection,
                capture->packets.packetCount(connection), messages, firstPaint, firstPaintCpu,
                arrived, applied, appliedCpu, readCpu);
    return arrived > 0 ? 0 : 1;
}
