enum EsteiraTUIPlaceholder {}
