package dev.lapse.it.scenario;

import java.beans.PropertyChangeSupport;
import javax.swing.JLabel;
import javax.swing.JPanel;

/**
 * A Swing lambda that captures only a child component: the label is a JDK object, the panel it belongs to is the
 * owner that was torn down. Beside it, the same panel that removes its listener, and a lambda that captures a label
 * of no application ancestor (headless).
 */
public final class CapturedComponents {
    static final PropertyChangeSupport MODEL = new PropertyChangeSupport(new Object());

    private CapturedComponents() {}

    /** Shows the model's status in a child label, and leaves the lambda on the model when disposed. */
    static final class StatusPanel extends JPanel {
        StatusPanel() {
            JLabel label = new JLabel("-");
            JPanel row = new JPanel();
            row.add(label);
            add(row);
            MODEL.addPropertyChangeListener(e -> label.setText(String.valueOf(e.getNewValue())));
        }

        void dispose() {}
    }

    /** The same panel, fixed. */
    static final class StatusPanelFixed extends JPanel {
        private final java.beans.PropertyChangeListener listener;

        StatusPanelFixed() {
            JLabel label = new JLabel("-");
            add(label);
            listener = e -> label.setText(String.valueOf(e.getNewValue()));
            MODEL.addPropertyChangeListener(listener);
        }

        void dispose() {
            MODEL.removePropertyChangeListener(listener);
        }
    }

    public static void main(String[] args) {
        new StatusPanel().dispose();
        new StatusPanelFixed().dispose();
        System.out.println("components done");
    }
}
