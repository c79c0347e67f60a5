/* anju-openapi.c: being written */
