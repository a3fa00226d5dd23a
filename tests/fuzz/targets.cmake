# The libFuzzer targets, one per entry point of the reading path and one for
# the application messages, each with the seed folder (tests/fuzz/seeds/) it
# starts from. Read by tests/fuzz (to build
# them) and tests/ (to replay their seeds and crashes and fuzz each for a while).
set(TCPLADDER_FUZZ_TARGETS fuzz_capture fuzz_pcapng_reader fuzz_reread fuzz_decode fuzz_messages)
set(TCPLADDER_FUZZ_SEEDS_fuzz_capture capture)
set(TCPLADDER_FUZZ_SEEDS_fuzz_pcapng_reader pcapng)
set(TCPLADDER_FUZZ_SEEDS_fuzz_reread capture)
set(TCPLADDER_FUZZ_SEEDS_fuzz_decode decode)
set(TCPLADDER_FUZZ_SEEDS_fuzz_messages messages)
