"""The editing canvas: a QGraphicsScene that mirrors the model, and its view."""
