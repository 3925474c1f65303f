import ITAModel
