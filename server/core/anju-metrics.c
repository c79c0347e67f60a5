/* anju-metrics.c: being written */
