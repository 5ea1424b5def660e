package org.plurigrid.console.maplayers.map;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.plurigrid.console.client.grid.ContingencyReport;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.PowerFlowResult;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.maplayers.layers.LoadingBand;
import org.plurigrid.console.maplayers.layers.MapPalette;
import org.plurigrid.console.maplayers.layers.SupergridLayer;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The supergrid map: an offline Gluon {@link MapView} with the {@link SupergridLayer}, a legend with layer switches,
 * loading colours and co-op owners, a search field, and a detail pane for the selected asset. Binds to a
 * {@link SupergridMapViewModel}; it never calls a service.
 */
public final class SupergridMapView extends StackPane {

    private static final double FLOW_SPEED_PX_PER_S = 28;
    private static final long FRAME_NANOS = 66_000_000L; // ~15 fps is plenty for flow dashes

    private final SupergridMapViewModel viewModel;
    private final MapView map = new MapView();
    private final SupergridLayer layer;
    private final org.plurigrid.console.maplayers.layers.MarksLayer marks;
    private final VBox legendOverlays = new VBox(3);
    private final Map<String, CheckBox> overlaySwitches = new java.util.HashMap<>();
    private java.util.List<String> legendOverlaysShape = java.util.List.of();
    private final Label actionResult = new Label();
    private java.util.function.Function<org.plurigrid.console.client.assets.AssetRef, java.util.List<javafx.scene.control.MenuItem>> assetMenu =
            a -> java.util.List.of();
    private javafx.scene.control.ContextMenu openMenu;
    private final VBox legendBands = new VBox(3);
    private final VBox legendAreas = new VBox(3);
    private final Label dataAge = new Label();
    /** Shown above the folding legend whenever the values are not an AC solution (DC fallback or no solution). */
    private final Label flowWarning = new Label();
    private final VBox detailPane = new VBox(8);
    private final Sparkline sparkline = new Sparkline(306, 52);
    private final ListView<ContingencyReport.Outcome> securityList = new ListView<>();
    private final Label securityStatus = new Label("N-1: not analysed yet");
    private boolean updatingSecurity;
    private final Map<LoadingBand, Label> bandCounts = new java.util.EnumMap<>(LoadingBand.class);
    private java.util.List<GridArea> legendAreasShown;
    private boolean cameraFromMap;
    private final AnimationTimer flowTimer;

    public SupergridMapView(SupergridMapViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        getStyleClass().add("supergrid-map");
        var css = SupergridMapView.class.getResource("supergrid-map.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        layer = new SupergridLayer(map::getZoom);
        map.addLayer(layer);
        marks = new org.plurigrid.console.maplayers.layers.MarksLayer(map::getZoom);
        map.addLayer(marks); // plugins' marks over the grid
        readAlarmColoursFromTheTheme();
        // the panels' text and widths follow the display scale (the canvas keeps its own symbol sizes)
        viewModel.textScaleProperty().addListener((o, a, scale) -> applyTextScale(scale.doubleValue()));
        applyTextScale(viewModel.textScaleProperty().get());
        map.setZoom(viewModel.zoomProperty().get());
        map.setCenter(viewModel.centerLatProperty().get(), viewModel.centerLonProperty().get());

        bindViewModel();
        wireCamera();
        wireSelection();

        BorderPane chrome = new BorderPane();
        chrome.setPickOnBounds(false);
        chrome.setMinSize(0, 0); // the panels never dictate the map's size
        actionResult.setId("map-action-result");
        actionResult.getStyleClass().addAll("map-panel", "map-action-result");
        actionResult.setWrapText(true);
        actionResult.setMinHeight(Region.USE_PREF_SIZE); // wraps, never cut
        actionResult.setMaxWidth(Region.USE_PREF_SIZE);
        actionResult.visibleProperty().bind(actionResult.textProperty().isNotEmpty());
        actionResult.managedProperty().bind(actionResult.visibleProperty());
        actionResult.prefWidthProperty().bind(viewModel.textScaleProperty().multiply(250));
        VBox left = new VBox(8, searchBox(), actionResult, legend(), securityPanel(), lassoPanel());
        left.setPickOnBounds(false);
        left.setMaxWidth(Region.USE_PREF_SIZE);
        left.setPadding(new Insets(10));
        chrome.setLeft(left);
        detailPane.prefWidthProperty().bind(viewModel.textScaleProperty().multiply(330));
        detailPane.setMaxHeight(Region.USE_PREF_SIZE);
        detailPane.visibleProperty().bind(viewModel.detailProperty().isNotNull());
        detailPane.managedProperty().bind(detailPane.visibleProperty());
        BorderPane.setMargin(detailPane, new Insets(10));
        BorderPane.setAlignment(detailPane, Pos.TOP_RIGHT);
        chrome.setRight(detailPane);
        getChildren().addAll(map, chrome);
        wireLasso(); // its band is drawn over the map

        flowTimer = new AnimationTimer() {
            private long last;
            private double phase;

            @Override
            public void handle(long now) {
                if (now - last < FRAME_NANOS) {
                    return;
                }
                double dt = last == 0 ? 0 : (now - last) / 1e9;
                last = now;
                phase = (phase + dt * FLOW_SPEED_PX_PER_S) % 1000;
                layer.setFlowPhase(phase);
            }
        };
        sceneProperty().addListener((obs, o, n) -> updateAnimation());
        viewModel.flowAnimationProperty().addListener((obs, o, n) -> updateAnimation());
    }

    /**
     * The alarm priority colours are the console theme's tokens ({@code -hmi-alarm-N}, {@code -hmi-alarm-N-number}),
     * the same the alarm list uses: hidden probes styled with them hand the resolved colours to the canvas painter.
     * Without the theme in the scene (the map on its own) the tokens do not resolve and the layer keeps
     * {@link org.plurigrid.console.maplayers.layers.AlarmSymbols}' colours.
     */
    /** 12 px at 1.0; the panel styles are in ems of it (supergrid-map.css). */
    private void applyTextScale(double scale) {
        setStyle(scale == 1.0 ? "" : String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 12 * scale));
    }

    private void readAlarmColoursFromTheTheme() {
        for (int p = 1; p <= 4; p++) {
            int priority = p;
            Region probe = new Region();
            probe.setManaged(false);
            probe.setVisible(false);
            probe.getStyleClass().add("alarm-colour-probe");
            probe.setStyle("-fx-background-color: -hmi-alarm-" + p + "; -fx-border-color: -hmi-alarm-" + p + "-number;");
            Runnable read = () -> {
                if (probe.getBackground() != null && !probe.getBackground().getFills().isEmpty()
                        && probe.getBackground().getFills().getFirst().getFill() instanceof javafx.scene.paint.Color c
                        && probe.getBorder() != null && !probe.getBorder().getStrokes().isEmpty()
                        && probe.getBorder().getStrokes().getFirst().getTopStroke() instanceof javafx.scene.paint.Color n) {
                    layer.setAlarmColours(priority, c, n);
                }
            };
            probe.backgroundProperty().addListener((o, a, b) -> read.run());
            probe.borderProperty().addListener((o, a, b) -> read.run());
            getChildren().add(probe);
        }
    }

    /** The map layer (for tests and benchmarks). */
    /** The view-model behind this view (tests and the app's "show on map" wiring). */
    public SupergridMapViewModel viewModel() {
        return viewModel;
    }

    public SupergridLayer layer() {
        return layer;
    }

    /** The Gluon map (for tests and benchmarks). */
    public MapView mapView() {
        return map;
    }

    private void updateAnimation() {
        if (getScene() != null && viewModel.flowAnimationProperty().get()) {
            flowTimer.start();
        } else {
            flowTimer.stop();
        }
    }

    private void bindViewModel() {
        layer.setStaleTest(viewModel::isStale);
        layer.setVisibility(viewModel.visibilityProperty().get());
        viewModel.visibilityProperty().addListener((obs, o, n) -> layer.setVisibility(n));
        layer.setSnapshot(viewModel.snapshotProperty().get());
        viewModel.snapshotProperty().addListener((obs, o, n) -> {
            layer.setSnapshot(n);
            refreshLegend(n);
        });
        viewModel.selectedIdProperty().addListener((obs, o, n) -> layer.setSelectedId(n));
        layer.setAlarms(viewModel.alarmsProperty().get());
        viewModel.alarmsProperty().addListener((obs, o, n) -> layer.setAlarms(n));
        viewModel.contingencyProperty().addListener((obs, o, n) -> layer.setContingency(
                n == null ? null : n.outagedBranchId(),
                n == null ? null : n.overloads().stream().map(x -> x.branchId()).collect(java.util.stream.Collectors.toSet())));
        viewModel.detailProperty().addListener((obs, o, n) -> showDetail(n));
        viewModel.overlays().all().addListener((javafx.collections.ListChangeListener<Object>) c -> showOverlays());
        viewModel.overlays().hidden().addListener((javafx.collections.SetChangeListener<String>) c -> showOverlays());
        showOverlays();
        viewModel.trendProperty().addListener((obs, o, n) -> drawTrend());
        viewModel.contingencyReportProperty().addListener((obs, o, n) -> showSecurity(n));
        showSecurity(viewModel.contingencyReportProperty().get());
        refreshLegend(viewModel.snapshotProperty().get());
    }

    private void wireCamera() {
        layer.setOnLayout(() -> {
            MapPoint c = map.getCenter();
            cameraFromMap = true;
            try {
                viewModel.rememberCamera(c.getLatitude(), c.getLongitude(), map.getZoom());
            } finally {
                cameraFromMap = false;
            }
        });
        viewModel.zoomProperty().addListener((obs, o, n) -> {
            if (!cameraFromMap) {
                map.setZoom(n.doubleValue());
            }
        });
        Runnable center = () -> {
            if (!cameraFromMap) {
                map.setCenter(viewModel.centerLatProperty().get(), viewModel.centerLonProperty().get());
            }
        };
        viewModel.centerLatProperty().addListener((obs, o, n) -> center.run());
        viewModel.centerLonProperty().addListener((obs, o, n) -> center.run());
    }

    /**
     * Shift + drag draws a lasso (a rectangle; the map does not pan meanwhile): the substations drawn inside it become
     * a group, offered to demand response.
     */
    private void wireLasso() {
        javafx.scene.shape.Rectangle band = new javafx.scene.shape.Rectangle();
        band.getStyleClass().add("map-lasso");
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        getChildren().add(band);
        double[] from = new double[2];
        map.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.isShiftDown()) {
                Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY());
                from[0] = p.getX();
                from[1] = p.getY();
                band.setX(p.getX());
                band.setY(p.getY());
                band.setWidth(0);
                band.setHeight(0);
                band.setVisible(true);
                e.consume();
            }
        });
        map.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (band.isVisible()) {
                Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY());
                band.setX(Math.min(from[0], p.getX()));
                band.setY(Math.min(from[1], p.getY()));
                band.setWidth(Math.abs(p.getX() - from[0]));
                band.setHeight(Math.abs(p.getY() - from[1]));
                e.consume();
            }
        });
        map.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (band.isVisible()) {
                band.setVisible(false);
                Point2D a = layer.sceneToLocal(localToScene(band.getX(), band.getY()));
                Point2D b = layer.sceneToLocal(localToScene(band.getX() + band.getWidth(), band.getY() + band.getHeight()));
                viewModel.lasso(layer.substationsWithin(a.getX(), a.getY(), b.getX(), b.getY()));
                e.consume();
            }
        });
        map.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isShiftDown()) {
                e.consume(); // the end of a lasso is not a click that selects
            }
        });
    }

    /** What the lasso caught, and the way to demand response with it. */
    private Node lassoPanel() {
        Label caught = new Label();
        caught.setId("map-lasso-text");
        caught.setWrapText(true);
        caught.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> viewModel.lassoed().isEmpty() ? ""
                : viewModel.lassoed().size() + " substation" + (viewModel.lassoed().size() == 1 ? "" : "s") + " in the lasso: "
                + String.join(", ", viewModel.lassoed().subList(0, Math.min(4, viewModel.lassoed().size())))
                + (viewModel.lassoed().size() > 4 ? ", …" : ""), viewModel.lassoed()));
        javafx.scene.control.Button dr = new javafx.scene.control.Button("Demand response for these sites…");
        dr.setId("map-lasso-dr");
        dr.setOnAction(e -> viewModel.demandResponseForLasso());
        dr.setVisible(viewModel.offersDemandResponse());
        javafx.scene.control.Button clear = new javafx.scene.control.Button("Clear");
        clear.setOnAction(e -> viewModel.clearLasso());
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(6, dr, clear);
        VBox box = new VBox(6, caught, buttons);
        box.getStyleClass().add("map-panel");
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.lassoed()));
        box.managedProperty().bind(box.visibleProperty());
        viewModel.lassoed().addListener((javafx.collections.ListChangeListener<String>) c -> dr.setVisible(viewModel.offersDemandResponse()));
        return box;
    }

    private void wireSelection() {
        map.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (!e.isStillSincePress() || e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
                return;
            }
            // a plugin's mark is drawn over the grid, so it is what is under the pointer first
            Point2D m = marks.sceneToLocal(e.getSceneX(), e.getSceneY());
            var mark = marks.pick(m.getX(), m.getY());
            if (mark.isPresent()) {
                viewModel.selectMark(mark.get().overlayId(), mark.get().mark().id());
                return;
            }
            Point2D p = layer.sceneToLocal(e.getSceneX(), e.getSceneY());
            layer.pick(p.getX(), p.getY()).ifPresentOrElse(viewModel::select, viewModel::clearSelection);
        });
        // the context menu of what is under the pointer: the plugins' actions on that asset
        map.addEventHandler(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (openMenu != null) {
                openMenu.hide();
            }
            Optional<org.plurigrid.console.client.assets.AssetRef> asset = assetAt(e.getSceneX(), e.getSceneY());
            if (asset.isEmpty()) {
                return;
            }
            java.util.List<javafx.scene.control.MenuItem> items = assetMenu.apply(asset.get()).stream()
                    .filter(i -> !(i instanceof javafx.scene.control.SeparatorMenuItem)).toList();
            if (items.isEmpty()) {
                return;
            }
            javafx.scene.control.MenuItem head = new javafx.scene.control.MenuItem(
                    asset.get().kind().name().toLowerCase(Locale.ROOT) + " " + asset.get().id());
            head.setDisable(true);
            openMenu = new javafx.scene.control.ContextMenu(head, new javafx.scene.control.SeparatorMenuItem());
            openMenu.setId("map-asset-menu");
            openMenu.getItems().addAll(items);
            openMenu.show(map, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** The asset under a scene point: a plugin's mark's asset first, then a substation or line of the model. */
    private Optional<org.plurigrid.console.client.assets.AssetRef> assetAt(double sceneX, double sceneY) {
        Point2D m = marks.sceneToLocal(sceneX, sceneY);
        var mark = marks.pick(m.getX(), m.getY());
        if (mark.isPresent()) {
            return mark.get().mark().asset();
        }
        Point2D p = layer.sceneToLocal(sceneX, sceneY);
        return layer.pick(p.getX(), p.getY()).flatMap(viewModel::assetRef);
    }

    /**
     * Actions on an asset from its context menu on the map (the plugins' asset actions, from the console's wiring),
     * and where their results are said.
     */
    public void setAssetMenu(java.util.function.Function<org.plurigrid.console.client.assets.AssetRef,
            java.util.List<javafx.scene.control.MenuItem>> items, javafx.beans.value.ObservableValue<String> result) {
        this.assetMenu = Objects.requireNonNull(items, "items");
        actionResult.textProperty().bind(result);
    }

    /** The plugins' marks layer (for tests). */
    public org.plurigrid.console.maplayers.layers.MarksLayer marksLayer() {
        return marks;
    }

    private void showOverlays() {
        marks.setOverlays(viewModel.overlays().visible());
        var all = viewModel.overlays().all();
        // The legend is rebuilt only when the layers or their problems change; new marks only update the counts, so
        // a switch is never replaced under the operator's pointer every refresh.
        java.util.List<String> shape = all.stream().map(o -> o.id() + "\u0000" + o.title() + "\u0000" + o.problem()).toList();
        if (!shape.equals(legendOverlaysShape)) {
            legendOverlaysShape = shape;
            legendOverlays.getChildren().clear();
            overlaySwitches.clear();
            if (!all.isEmpty()) {
                Label title = new Label("Plugin layers");
                title.getStyleClass().add("map-panel-subtitle");
                legendOverlays.getChildren().add(title);
            }
            for (var o : all) {
                CheckBox box = new CheckBox();
                box.setId("layer-plugin-" + o.id().replace('/', '-'));
                box.selectedProperty().addListener((obs, was, on) -> {
                    if (on) {
                        viewModel.overlays().hidden().remove(o.id());
                    } else {
                        viewModel.overlays().hidden().add(o.id());
                    }
                });
                overlaySwitches.put(o.id(), box);
                legendOverlays.getChildren().add(box);
                if (!o.problem().isEmpty()) {
                    box.setDisable(true);
                    Label why = new Label(o.problem());
                    why.setWrapText(true);
                    why.setMinHeight(Region.USE_PREF_SIZE);
                    why.getStyleClass().add("map-area-owner");
                    legendOverlays.getChildren().add(why);
                }
            }
        }
        for (var o : all) {
            CheckBox box = overlaySwitches.get(o.id());
            box.setText(o.title() + (o.problem().isEmpty() ? " (" + o.marks().size() + ")" : ""));
            box.setSelected(!viewModel.overlays().hidden().contains(o.id()));
        }
    }

    private void drawTrend() {
        AssetDetail d = viewModel.detailProperty().get();
        sparkline.draw(viewModel.trendProperty().get(), d == null || d.quality() == Quality.GOOD);
    }

    /** The N-1 list: outages that would overload something, worst first; selecting one shows it on the map. */
    private Node securityPanel() {
        Label title = new Label("Security (N-1)");
        title.getStyleClass().add("map-panel-subtitle");
        securityStatus.getStyleClass().add("map-data-age");
        securityStatus.setWrapText(true);
        securityList.setId("map-security-list");
        securityList.setPrefHeight(150);
        securityList.prefWidthProperty().bind(viewModel.textScaleProperty().multiply(250));
        securityList.setPlaceholder(new Label("No overloading outage"));
        securityList.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ContingencyReport.Outcome o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : String.format(Locale.ROOT, "%s ⇒ %s %.0f %%%s",
                        o.outagedBranchId(), o.overloads().get(0).branchId(), o.worstLoadingPercent(),
                        o.overloads().size() > 1 ? " (+" + (o.overloads().size() - 1) + ")" : ""));
            }
        });
        securityList.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null && !updatingSecurity) {
                viewModel.showOutage(n);
            }
        });
        VBox box = new VBox(4, title, securityStatus, securityList);
        box.getStyleClass().add("map-panel");
        box.setId("map-security");
        return box;
    }

    private void showSecurity(ContingencyReport report) {
        if (report == null) {
            securityStatus.setText("N-1: not analysed yet");
            securityList.getItems().clear();
            return;
        }
        ContingencyReport.Outcome shown = viewModel.contingencyProperty().get();
        securityStatus.setText(String.format(Locale.ROOT, "%d of %d outages overload something (%s, %.1f s)",
                report.overloading().size(), report.contingencies(), report.dc() ? "DC" : "AC",
                report.elapsed().toMillis() / 1000.0));
        updatingSecurity = true; // refreshing the list must not move the operator's selection
        try {
            securityList.getItems().setAll(report.overloading());
            if (shown != null) {
                securityList.getItems().stream().filter(o -> o.outagedBranchId().equals(shown.outagedBranchId()))
                        .findFirst().ifPresent(o -> securityList.getSelectionModel().select(o));
            }
        } finally {
            updatingSecurity = false;
        }
    }

    private Node searchBox() {
        TextField field = new TextField();
        field.setId("map-search");
        field.setPromptText("Search substation, line or grid…");
        field.setPrefColumnCount(20);
        field.setOnAction(e -> viewModel.search(field.getText()));
        Label message = new Label();
        message.getStyleClass().add("map-search-message");
        message.textProperty().bind(viewModel.searchMessageProperty());
        message.visibleProperty().bind(viewModel.searchMessageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        VBox box = new VBox(4, field, message);
        box.getStyleClass().add("map-panel");
        return box;
    }

    private Node legend() {
        Label title = new Label("Supergrid");
        title.getStyleClass().add("map-panel-title");
        VBox toggles = new VBox(3,
                toggle("Community grids", viewModel.areasVisibleProperty(), "layer-areas"),
                toggle("Substations", viewModel.substationsVisibleProperty(), "layer-substations"),
                toggle("Lines & interconnectors", viewModel.linesVisibleProperty(), "layer-lines"),
                toggle("DERs", viewModel.dersVisibleProperty(), "layer-ders"),
                toggle("Labels", viewModel.labelsVisibleProperty(), "layer-labels"),
                toggle("Flow animation", viewModel.flowAnimationProperty(), "layer-flow"));
        Label loadingTitle = new Label("Line loading");
        loadingTitle.getStyleClass().add("map-panel-subtitle");
        Label gridsTitle = new Label("Community grids (owner)");
        gridsTitle.getStyleClass().add("map-panel-subtitle");
        dataAge.getStyleClass().add("map-data-age");
        Label symbolsTitle = new Label("Symbols");
        symbolsTitle.getStyleClass().add("map-panel-subtitle");
        // A model with many areas scrolls its list rather than growing the legend (and the map) past the window.
        javafx.scene.control.ScrollPane areas = new javafx.scene.control.ScrollPane(legendAreas);
        areas.setFitToWidth(true);
        areas.setMaxHeight(240); // six co-ops fit without scrolling
        areas.setMinHeight(0);
        areas.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        areas.getStyleClass().add("map-legend-areas");
        // The numbers in the substation circles are clusters: said in words, so an operator need not guess.
        Label clusters = new Label("Numbered circle: that many DERs close together (ring: their kinds); zoom in to"
                + " see them.");
        clusters.setMinHeight(Region.USE_PREF_SIZE); // wraps, never cut
        clusters.setId("map-legend-clusters");
        clusters.getStyleClass().add("map-area-owner");
        clusters.setWrapText(true);
        legendOverlays.setId("map-legend-plugins");
        legendOverlays.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(legendOverlays.getChildren()));
        VBox content = new VBox(6, toggles, legendOverlays, loadingTitle, legendBands, symbolsTitle, symbols(), clusters, gridsTitle,
                areas, dataAge);
        content.setId("map-legend-content");
        content.visibleProperty().bind(viewModel.legendExpandedProperty());
        content.managedProperty().bind(content.visibleProperty());
        // The legend folds to its title, so it need not cover a quarter of the map.
        javafx.scene.control.Button fold = new javafx.scene.control.Button();
        fold.setId("map-legend-toggle");
        fold.getStyleClass().add("map-detail-close");
        fold.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.legendExpandedProperty())
                .then("Hide legend").otherwise("Show legend"));
        fold.setOnAction(e -> viewModel.legendExpandedProperty().set(!viewModel.legendExpandedProperty().get()));
        fold.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(6, title, gap, fold);
        head.setAlignment(Pos.CENTER_LEFT);
        flowWarning.setId("map-flow-warning");
        flowWarning.getStyleClass().add("map-flow-warning");
        flowWarning.setWrapText(true);
        flowWarning.managedProperty().bind(flowWarning.visibleProperty());
        flowWarning.setVisible(false);
        VBox box = new VBox(6, head, flowWarning, content);
        box.getStyleClass().add("map-panel");
        box.setId("map-legend");
        box.prefWidthProperty().bind(viewModel.textScaleProperty().multiply(250));
        return box;
    }

    /** Key of substation and DER symbols: shape tells the type, so colour is never the only cue. */
    private static Node symbols() {
        javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(228, 34);
        var g = c.getGraphicsContext2D();
        g.setFont(javafx.scene.text.Font.font("System", 10));
        double[] kvs = {345, 138, 33};
        String[] kvText = {"≥300 kV", "≥100 kV", "<100 kV"};
        for (int i = 0; i < 3; i++) {
            double size = org.plurigrid.console.maplayers.layers.LevelOfDetail.substationSize(kvs[i], 10);
            double x = 4 + i * 74;
            g.setFill(MapPalette.substation(kvs[i], false));
            g.fillRect(x, 8 - size / 2, size, size);
            g.setFill(javafx.scene.paint.Color.web("#2A2F34"));
            g.fillText(kvText[i], x + size + 4, 12);
        }
        int i = 0;
        for (var t : org.plurigrid.console.client.telemetry.DerType.values()) {
            double x = 4 + i++ * 45;
            g.setFill(MapPalette.der(t));
            double r = 3.2;
            double y = 26;
            switch (t) {
                case PV -> g.fillRect(x, y - r, 2 * r, 2 * r);
                case WIND -> g.fillPolygon(new double[]{x + r, x + 2 * r, x}, new double[]{y - r - 1, y + r, y + r}, 3);
                case BATTERY -> g.fillRoundRect(x, y - r * 0.7, 2 * r, 1.4 * r, 2, 2);
                case EV_CHARGER -> g.fillPolygon(new double[]{x + r, x + 2 * r, x + r, x}, new double[]{y - r, y, y + r, y}, 4);
                case FLEXIBLE_LOAD -> g.fillOval(x, y - r, 2 * r, 2 * r);
            }
            g.setFill(javafx.scene.paint.Color.web("#2A2F34"));
            g.fillText(t.prefix(), x + 9, y + 4);
        }
        return c;
    }

    private static CheckBox toggle(String text, javafx.beans.property.BooleanProperty property, String id) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private void refreshLegend(GridSnapshot s) {
        // Called on every frame of live data: update counts and text in place, rebuild rows only when areas change.
        Map<LoadingBand, Integer> counts = viewModel.branchCountsByBand();
        if (bandCounts.isEmpty()) {
            legendBands.getChildren().addAll(
                    bandRow(LoadingBand.CALM, "below 80 %"),
                    bandRow(LoadingBand.AMBER, "80 – 90 %"),
                    bandRow(LoadingBand.RED, "90 – 100 %"),
                    bandRow(LoadingBand.OVERLOAD, "overload > 100 %"),
                    bandRow(LoadingBand.STALE, "stale / no data"));
        }
        bandCounts.forEach((band, label) -> label.setText(Integer.toString(counts.getOrDefault(band, 0))));
        if (s == null) {
            legendAreas.getChildren().clear();
            legendAreasShown = null;
            dataAge.setText("No grid data yet");
            flowWarning.setVisible(false);
            return;
        }
        if (!s.areas().equals(legendAreasShown)) {
            legendAreasShown = s.areas();
            legendAreas.getChildren().clear();
            for (int i = 0; i < s.areas().size(); i++) {
                GridArea a = s.areas().get(i);
                Rectangle sw = new Rectangle(12, 12, MapPalette.area(i).deriveColor(0, 1, 1, 0.35));
                sw.setStroke(MapPalette.area(i));
                Label name = new Label(a.name());
                name.getStyleClass().add("map-area-name");
                Label owner = new Label(a.owner());
                owner.getStyleClass().add("map-area-owner");
                VBox text = new VBox(0, name, owner);
                HBox row = new HBox(6, sw, text);
                row.setAlignment(Pos.TOP_LEFT);
                row.setOnMouseClicked(e -> viewModel.search(a.id()));
                legendAreas.getChildren().add(row);
            }
        }
        var flow = s.powerFlow();
        dataAge.setText(String.format(Locale.ROOT, "%d substations · %d branches · %d DERs%s",
                s.substations().size(), s.branches().size(), s.ders().size(),
                flow == null ? "" : "\n" + flow.operatorText()));
        boolean notAc = flow != null && flow.status() != PowerFlowResult.Status.CONVERGED;
        flowWarning.setText(notAc ? flow.operatorText() : "");
        flowWarning.setVisible(notAc);
    }

    private Node bandRow(LoadingBand band, String text) {
        Line swatch = new Line(0, 0, 22, 0);
        swatch.setStroke(MapPalette.branch(band, false));
        swatch.setStrokeWidth(3);
        Label label = new Label(text);
        Label count = new Label("0");
        count.getStyleClass().add("map-band-count");
        bandCounts.put(band, count);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(6, swatch, label, spacer, count);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void showDetail(AssetDetail d) {
        detailPane.getChildren().clear();
        detailPane.getStyleClass().setAll("map-panel", "map-detail");
        detailPane.setId("map-detail");
        if (d == null) {
            return;
        }
        Label kind = new Label(d.kind().toUpperCase(Locale.ROOT) + " · " + d.id());
        kind.getStyleClass().add("map-detail-kind");
        Label title = new Label(d.title());
        title.getStyleClass().add("map-panel-title");
        title.setWrapText(true);
        Button close = new Button("✕");
        close.getStyleClass().add("map-detail-close");
        close.setTooltip(new Tooltip("Close"));
        close.setOnAction(e -> viewModel.clearSelection());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, new VBox(2, kind, title), spacer, close);

        Label quality = new Label("Quality: " + d.quality().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        quality.getStyleClass().add(d.quality() == Quality.GOOD ? "map-quality-good" : "map-quality-bad");

        GridPane rows = new GridPane();
        rows.setHgap(10);
        rows.setVgap(3);
        int r = 0;
        for (AssetDetail.Row row : d.rows()) {
            Label k = new Label(row.label());
            k.getStyleClass().add("map-detail-label");
            k.setMinWidth(Region.USE_PREF_SIZE);
            Label v = new Label(row.value());
            v.setWrapText(true);
            v.getStyleClass().add(row.abnormal() ? "map-detail-value-abnormal" : "map-detail-value");
            if (d.quality() != Quality.GOOD) {
                v.getStyleClass().add("map-detail-value-stale");
            }
            rows.addRow(r++, k, v);
        }
        detailPane.getChildren().addAll(head, quality, sparkline, rows);
        drawTrend();
        if (!d.devices().isEmpty()) {
            Label devTitle = new Label("Devices under it (" + d.devices().size() + ")");
            devTitle.getStyleClass().add("map-panel-subtitle");
            ListView<GridDer> list = new ListView<>();
            list.getItems().setAll(d.devices());
            list.setPrefHeight(Math.min(220, 24 * d.devices().size() + 4));
            list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(GridDer der, boolean empty) {
                    super.updateItem(der, empty);
                    setText(empty || der == null ? null : String.format(Locale.ROOT, "%s  %.0f / %.0f kW",
                            der.id().substring(der.id().lastIndexOf('/') + 1), der.powerKw(), der.capacityKw()));
                }
            });
            detailPane.getChildren().addAll(devTitle, list);
        }
    }

}
