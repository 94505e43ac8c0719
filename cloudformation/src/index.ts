// Public API of @sagepack/cloudformation: where the templates are and how to read them.
export {}
