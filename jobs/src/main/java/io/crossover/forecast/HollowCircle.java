package io.crossover.forecast;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.style.markers.Marker;

/** An unfilled circle: XChart's markers are all filled, and the charts mark provisional values hollow. */
final class HollowCircle extends Marker {
  @Override
  public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
    g.setStroke(new BasicStroke(1.8f));
    double half = markerSize / 2.0;
    g.draw(new Ellipse2D.Double(xOffset - half, yOffset - half, markerSize, markerSize));
  }
}
