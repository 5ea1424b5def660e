package org.plurigrid.console.maplayers.layers;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.plurigrid.console.client.grid.GridBranch;

/**
 * The moving flow dashes of the {@link SupergridLayer}'s animated canvas: light dashes along the lines chosen by the
 * last redraw, moving from side 1 to side 2 when power flows that way, stopping short of the substation symbols.
 * Chosen once per redraw ({@link #clear}, {@link #add}), painted at every animation tick; FX thread.
 */
final class FlowDashPainter {

    private static final Color FLOW_DASH = Color.web("#F2F2EF", 0.65);
    private static final Color FLOW_DASH_ABNORMAL = Color.web("#F2F2EF", 0.9);

    /** Branches whose flow dashes are drawn: index, width, abnormal, how much to trim off each end. */
    private int[] animated = new int[0];
    private double[] animatedWidth = new double[0];
    private boolean[] animatedAbnormal = new boolean[0];
    private double[] animatedTrim = new double[0];
    private int animatedCount;
    private double[] trimX = new double[16];
    private double[] trimY = new double[16];
    private GridGeometry geometry;
    private FramePositions at;

    /** Forgets the chosen lines; room for {@code branches} of them. */
    void clear(int branches) {
        if (animated.length < branches) {
            animated = new int[branches];
            animatedWidth = new double[branches];
            animatedAbnormal = new boolean[branches];
            animatedTrim = new double[branches];
        }
        animatedCount = 0;
    }

    void add(int branch, double width, boolean abnormal, double trim) {
        animated[animatedCount] = branch;
        animatedWidth[animatedCount] = width;
        animatedAbnormal[animatedCount] = abnormal;
        animatedTrim[animatedCount] = trim;
        animatedCount++;
    }

    int count() {
        return animatedCount;
    }

    /** Draws the dashes of the chosen lines at {@code phase} (px along the line). */
    void paint(GraphicsContext g, List<GridBranch> branches, GridGeometry geometry, FramePositions at, double phase) {
        if (animatedCount == 0) {
            return;
        }
        this.geometry = geometry;
        this.at = at;
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineDashes(3, 11);
        for (int k = 0; k < animatedCount; k++) {
            int i = animated[k];
            // light dashes moving from side 1 to side 2 when p1 > 0, the other way otherwise
            double speed = Math.signum(branches.get(i).p1Mw());
            g.setStroke(animatedAbnormal[k] ? FLOW_DASH_ABNORMAL : FLOW_DASH);
            g.setLineWidth(Math.max(1, animatedWidth[k] * 0.45));
            g.setLineDashOffset(-speed * phase);
            strokeTrimmed(g, i, animatedTrim[k]);
        }
        g.setLineDashes();
        g.setLineDashOffset(0);
    }

    /** Strokes a branch's path with {@code trim} px cut off both ends (where the segments are long enough). */
    private void strokeTrimmed(GraphicsContext g, int i, double trim) {
        int off = geometry.branchOffset[i];
        int n = geometry.branchLon[i].length;
        if (trimX.length < n) {
            trimX = new double[n];
            trimY = new double[n];
        }
        System.arraycopy(at.px, off, trimX, 0, n);
        System.arraycopy(at.py, off, trimY, 0, n);
        trimEnd(0, 1, trim);
        trimEnd(n - 1, n - 2, trim);
        g.strokePolyline(trimX, trimY, n);
    }

    private void trimEnd(int end, int next, double trim) {
        double dx = trimX[next] - trimX[end];
        double dy = trimY[next] - trimY[end];
        double len = Math.hypot(dx, dy);
        if (trim > 0 && len > 3 * trim) {
            trimX[end] += dx / len * trim;
            trimY[end] += dy / len * trim;
        }
    }
}
