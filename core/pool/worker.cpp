#include "worker.h"

namespace shoal {

Worker::~Worker() = default;

} // namespace shoal
