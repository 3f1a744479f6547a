import Testing

/// Integration tests of the real `clipper` binary (`clipper run`, `lint`, `print-config`) against `clipper broker`,
/// a librdkafka mock cluster running as a separate process on loopback.
///
/// The suites nest under this one so that they run one after another: each starts a broker and a debug-build worker,
/// and running them side by side on a small machine only makes every deadline tighter.
///
/// Mock-cluster limits sized for here: about 5 MB kept per partition (inputs are spread over several partitions and
/// stay small), no timestamp lookup (unused). Runs with `make test`, which builds the binary and sets `CLIPPER_BINARY`.
@Suite("Worker binary against clipper broker", .serialized)
struct WorkerIntegrationTests {}
