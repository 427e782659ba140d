package dev.lapse.corpus.vaadin;

import com.vaadin.flow.component.map.configuration.Coordinate;
import com.vaadin.flow.component.map.configuration.feature.MarkerFeature;
import com.vaadin.flow.component.map.configuration.layer.FeatureLayer;
import dev.lapse.corpus.Verdict;
import java.lang.ref.WeakReference;
import java.util.List;

/**
 * vaadin/flow-components#8215: a map configuration object registers {@code this::notifyChange} on each child it adds
 * (a feature added to a layer) and removes {@code this::notifyChange} when the child is removed; the second method
 * reference is another object, so the removal removes nothing and a feature that outlives the layer keeps the layer.
 * Fixed in 24.9.14 (a single listener kept in a field). The driver's map view shows the application's shared
 * features on a layer of its own, takes them off the layer when it closes, and drops the layer.
 */
public final class FeatureLayerDriver {
    /** The long-lived subjects: features of the application's model, shown by every map view. */
    static final List<MarkerFeature> DEPOTS =
            Verdict.longLived(List.of(new MarkerFeature(new Coordinate(24.94, 60.17)), new MarkerFeature()));

    private FeatureLayerDriver() {}

    public static void main(String[] args) {
        Verdict.report(showAndClose());
    }

    private static WeakReference<Object> showAndClose() {
        FeatureLayer layer = new FeatureLayer();
        DEPOTS.forEach(layer::addFeature);
        DEPOTS.forEach(layer::removeFeature);
        return new WeakReference<>(layer);
    }
}
