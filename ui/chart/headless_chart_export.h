#pragma once

#include <QStringList>

namespace tcpladder::ui {

// tcpladder CAPTURE --connection ID --export-chart OUT.png|OUT.svg
//           [--chart seq|throughput|rtt|window] [--direction a|b|auto]
//           [--size WIDTHxHEIGHT] [--scale 1|2] [--range FROM:TO (seconds)]
// writes one chart without opening a window.

// True when the command line asks for --export-chart.
bool wantsChartExport(int argc, char** argv);

// The whole program for that case: picks the offscreen platform (unless
// QT_QPA_PLATFORM names one), so no display is needed, makes the
// QApplication and runs runChartExport.
int chartExportMain(int argc, char** argv);

// Loads the capture synchronously and writes the chart. Needs a
// QApplication. Exit status as tcpladder-cli's: 0 written, 1 the capture or
// the output failed (one line on stderr), 2 usage error.
int runChartExport(const QStringList& arguments);

} // namespace tcpladder::ui
