package org.plurigrid.console.maplayers.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.plurigrid.console.client.grid.ContingencyReport;
import org.plurigrid.console.client.telemetry.DerType;
import org.plurigrid.console.client.grid.GeoPoint;
import org.plurigrid.console.client.grid.GridArea;
import org.plurigrid.console.client.grid.GridBranch;
import org.plurigrid.console.client.grid.GridDer;
import org.plurigrid.console.client.grid.GridSnapshot;
import org.plurigrid.console.client.grid.GridSubstation;
import org.plurigrid.console.client.telemetry.Quality;
import org.plurigrid.console.maplayers.layers.LayerVisibility;
import org.plurigrid.console.maplayers.layers.LoadingBand;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * State of the supergrid map: the latest {@link GridSnapshot}, per-asset data quality, which layers are on, the
 * selection and its detail, the search, and the camera (pan/zoom, remembered while the view comes and goes).
 * Feed it on the FX thread, once per batch: {@link #update(GridSnapshot)} and {@link #updateQuality(Map)}.
 */
public final class SupergridMapViewModel {

    /** Where the map opens: the Netherlands, all six community grids in view. */
    public static final GeoPoint HOME = new GeoPoint(52.25, 5.35);
    public static final double HOME_ZOOM = 7.6;
    /** Zoom the map flies to when a search hits an asset. */
    public static final double SEARCH_ZOOM = 11.5;

    private final InstantSource clock;
    private final Duration staleAfter;

    private final ReadOnlyObjectWrapper<GridSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final Map<String, Quality> quality = new HashMap<>();
    private final ReadOnlyObjectWrapper<String> selectedId = new ReadOnlyObjectWrapper<>(this, "selectedId");
    private final javafx.collections.ObservableList<String> lassoed = javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<String> lassoedView =
            javafx.collections.FXCollections.unmodifiableObservableList(lassoed);
    private java.util.function.Consumer<java.util.List<String>> demandResponse;
    private final ReadOnlyObjectWrapper<AssetDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final MapOverlayState overlays = new MapOverlayState();
    /** The selected plugin mark (overlay id, mark id) when a mark that stands for no grid asset is selected. */
    private String[] selectedMark;
    private final ReadOnlyStringWrapper searchMessage = new ReadOnlyStringWrapper(this, "searchMessage", "");
    private final ReadOnlyObjectWrapper<LayerVisibility> visibility =
            new ReadOnlyObjectWrapper<>(this, "visibility", LayerVisibility.all());

    private final ReadOnlyObjectWrapper<Map<String, Integer>> alarms = new ReadOnlyObjectWrapper<>(this, "alarms", Map.of());
    private final ReadOnlyObjectWrapper<ContingencyReport.Outcome> contingency =
            new ReadOnlyObjectWrapper<>(this, "contingency");
    private final ReadOnlyObjectWrapper<ContingencyReport> contingencyReport =
            new ReadOnlyObjectWrapper<>(this, "contingencyReport");
    private final ReadOnlyObjectWrapper<Trend> trend = new ReadOnlyObjectWrapper<>(this, "trend");
    /** Recent values of the selected asset, oldest first; reset when the selection changes. */
    private final java.util.ArrayDeque<Double> trendValues = new java.util.ArrayDeque<>();
    private java.time.Instant trendTime;

    private final BooleanProperty areasVisible = new SimpleBooleanProperty(this, "areasVisible", true);
    private final BooleanProperty substationsVisible = new SimpleBooleanProperty(this, "substationsVisible", true);
    private final BooleanProperty linesVisible = new SimpleBooleanProperty(this, "linesVisible", true);
    private final BooleanProperty dersVisible = new SimpleBooleanProperty(this, "dersVisible", true);
    private final BooleanProperty labelsVisible = new SimpleBooleanProperty(this, "labelsVisible", true);
    private final BooleanProperty flowAnimation = new SimpleBooleanProperty(this, "flowAnimation", true);
    /** The legend open (layers, loading bands, symbols, owners) or folded to its title, leaving the map free. */
    private final BooleanProperty legendExpanded = new SimpleBooleanProperty(this, "legendExpanded", true);

    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", HOME_ZOOM);
    /** The display scale the panels' text follows (1.0 laptop … 2.0 video wall), bound to the window's. */
    private final DoubleProperty textScale = new SimpleDoubleProperty(this, "textScale", 1.0);
    private final DoubleProperty centerLat = new SimpleDoubleProperty(this, "centerLat", HOME.lat());
    private final DoubleProperty centerLon = new SimpleDoubleProperty(this, "centerLon", HOME.lon());

    /** How many values the sparkline keeps: at one frame per EMS step (5 s) that is the last 10 minutes. */
    public static final int TREND_LENGTH = 120;

    public SupergridMapViewModel(InstantSource clock, Duration staleAfter) {
        this.clock = clock;
        this.staleAfter = staleAfter;
        for (BooleanProperty p : List.of(areasVisible, substationsVisible, linesVisible, dersVisible, labelsVisible)) {
            p.addListener((obs, o, n) -> visibility.set(new LayerVisibility(areasVisible.get(), substationsVisible.get(),
                    linesVisible.get(), dersVisible.get(), labelsVisible.get())));
        }
        // a mark of a layer switched off is no longer on the map to be selected
        overlays.hidden().addListener((javafx.collections.SetChangeListener<String>) c -> {
            if (selectedMark != null && overlays.hidden().contains(selectedMark[0])) {
                clearSelection();
            }
        });
    }

    /** A view-model on the system clock; data older than a minute counts as stale. */
    public SupergridMapViewModel() {
        this(InstantSource.system(), Duration.ofMinutes(1));
    }

    // ---- data in

    /** New model values (after a power flow, or from telemetry). Keeps the selection and refreshes its detail. */
    public void update(GridSnapshot next) {
        snapshot.set(next);
        refreshDetail();
        recordTrend();
    }

    /**
     * The telemetry on the map was replaced (a replay seek, back to live): the model's own picture and the qualities
     * of what is not measured, as when the model was loaded; the new state's frame follows.
     */
    public void restart(GridSnapshot topology, Map<String, Quality> unmeasured) {
        quality.clear();
        putQuality(unmeasured);
        update(topology);
    }

    /**
     * One frame of live telemetry (e.g. from {@code GridTelemetryOverlay.frame()}): the new picture and the quality
     * that changed, applied together so the detail pane refreshes once.
     */
    public void applyFrame(GridSnapshot next, Map<String, Quality> qualityChanges) {
        putQuality(qualityChanges);
        update(next);
    }

    /** The latest N-1 result (from a background analysis); keeps the outage shown if it is still in the list. */
    public void updateContingencyReport(ContingencyReport report) {
        contingencyReport.set(report);
        ContingencyReport.Outcome shown = contingency.get();
        if (shown != null) {
            contingency.set(report == null ? null : report.overloading().stream()
                    .filter(o -> o.outagedBranchId().equals(shown.outagedBranchId())).findFirst().orElse(null));
        }
    }

    /** Shows one outage of the security list on the map and selects the branch it overloads most. */
    public void showOutage(ContingencyReport.Outcome outcome) {
        contingency.set(outcome);
        if (outcome != null && !outcome.overloads().isEmpty()) {
            select(outcome.overloads().get(0).branchId());
        }
    }

    /** Quality per asset id (substation, branch, DER), e.g. from the point store; only changed ids need be given. */
    public void updateQuality(Map<String, Quality> changes) {
        putQuality(changes);
        refreshDetail();
    }

    /** Stale or bad: the asset's own quality is not GOOD, or the whole snapshot is older than the stale period. */
    public boolean isStale(String assetId) {
        return quality(assetId) != Quality.GOOD;
    }

    public Quality quality(String assetId) {
        Quality q = quality.get(assetId);
        if (q != null) {
            return q;
        }
        // called for every asset of every frame: millis, not Instant and Duration arithmetic
        GridSnapshot s = snapshot.get();
        if (s != null && clock.millis() - s.time().toEpochMilli() > staleAfter.toMillis()) {
            return Quality.STALE;
        }
        return Quality.GOOD;
    }

    /** Keeps only what is not GOOD, so a healthy grid costs the map no lookups in a big table. */
    private void putQuality(Map<String, Quality> changes) {
        for (Map.Entry<String, Quality> e : changes.entrySet()) {
            if (e.getValue() == Quality.GOOD) {
                quality.remove(e.getKey());
            } else {
                quality.put(e.getKey(), e.getValue());
            }
        }
    }

    /** Active alarms by asset id with priority 1 (critical) to 4 (low); replaces the previous set. */
    public void updateAlarms(Map<String, Integer> priorityByAssetId) {
        for (Map.Entry<String, Integer> e : priorityByAssetId.entrySet()) {
            if (e.getValue() < 1 || e.getValue() > 4) {
                throw new IllegalArgumentException("alarm priority must be 1..4, was " + e.getValue() + " for " + e.getKey());
            }
        }
        alarms.set(Map.copyOf(priorityByAssetId));
        refreshDetail();
    }

    /** Shows the worst outage of an N-1 analysis on the map and selects its worst overloaded branch; empty clears. */
    public void showContingency(ContingencyReport report) {
        contingencyReport.set(report);
        Optional<ContingencyReport.Outcome> worst = report == null ? Optional.empty() : report.worst();
        contingency.set(worst.orElse(null));
        worst.ifPresent(o -> select(o.overloads().get(0).branchId()));
    }

    public void clearContingency() {
        contingency.set(null);
    }

    // ---- plugins' overlays

    /** The plugins' overlays and which are switched off. */
    public MapOverlayState overlays() {
        return overlays;
    }

    /** New marks of a plugin's overlay (FX thread); a selected mark's detail follows them. */
    public void showOverlay(org.plurigrid.console.client.assets.MapOverlayMarks marks) {
        overlays.put(marks);
        if (selectedMark != null) {
            refreshDetail();
        }
    }

    /**
     * Selects a plugin's mark: the grid asset it stands for if the model has it (substation, line or area), else the
     * mark itself, whose detail shows its layer, status and position.
     */
    public void selectMark(String overlayId, String markId) {
        Optional<org.plurigrid.console.client.assets.MapMark> m = overlays.mark(overlayId, markId);
        if (m.isEmpty()) {
            clearSelection();
            return;
        }
        GridSnapshot s = snapshot.get();
        Optional<String> grid = m.get().asset().map(org.plurigrid.console.client.assets.AssetRef::id)
                .filter(id -> s != null && (s.substation(id).isPresent() || s.branch(id).isPresent() || s.area(id).isPresent()));
        if (grid.isPresent()) {
            select(grid.get());
            return;
        }
        clearSelection();
        selectedMark = new String[]{overlayId, markId};
        refreshDetail();
    }

    /**
     * What an operator acting on {@code id} (a grid asset picked on the map) acts on: a substation or a line of the
     * model, or nothing.
     */
    public Optional<org.plurigrid.console.client.assets.AssetRef> assetRef(String id) {
        GridSnapshot s = snapshot.get();
        if (id == null || s == null) {
            return Optional.empty();
        }
        if (s.substation(id).isPresent()) {
            return Optional.of(new org.plurigrid.console.client.assets.AssetRef(
                    org.plurigrid.console.client.assets.AssetRef.Kind.SUBSTATION, id));
        }
        return s.branch(id).map(b -> new org.plurigrid.console.client.assets.AssetRef(
                org.plurigrid.console.client.assets.AssetRef.Kind.LINE, id));
    }

    // ---- selection and detail

    /** Selects an asset by id (substation, branch or area); unknown ids clear the selection. */
    public void select(String id) {
        selectedMark = null;
        GridSnapshot s = snapshot.get();
        if (id == null || s == null || (s.substation(id).isEmpty() && s.branch(id).isEmpty() && s.area(id).isEmpty())) {
            clearSelection();
            return;
        }
        if (!id.equals(selectedId.get())) {
            trendValues.clear();
            trendTime = null;
        }
        selectedId.set(id);
        refreshDetail();
        recordTrend();
    }

    public void clearSelection() {
        selectedMark = null;
        selectedId.set(null);
        detail.set(null);
        trendValues.clear();
        trendTime = null;
        trend.set(null);
    }

    /** Appends the selected asset's value once per new snapshot time (not per quality or alarm refresh). */
    private void recordTrend() {
        String id = selectedId.get();
        GridSnapshot s = snapshot.get();
        if (id == null || s == null) {
            return;
        }
        if (trendTime != null && !s.time().isAfter(trendTime)) {
            return;
        }
        Optional<Trend> spec = s.branch(id).map(b -> new Trend(id, "Loading", "%", new double[]{b.loadingPercent()}))
                .or(() -> s.substation(id).map(x -> new Trend(id, "Net load", "MW",
                        new double[]{x.loadMw() - x.generationMw()})))
                .or(() -> s.area(id).map(a -> new Trend(id, "Load", "MW", new double[]{s.substations().stream()
                        .filter(x -> id.equals(x.areaId())).mapToDouble(GridSubstation::loadMw).sum()})));
        if (spec.isEmpty()) {
            return;
        }
        trendTime = s.time();
        trendValues.addLast(spec.get().last());
        while (trendValues.size() > TREND_LENGTH) {
            trendValues.removeFirst();
        }
        trend.set(new Trend(id, spec.get().label(), spec.get().unit(),
                trendValues.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /**
     * Finds an asset by id or name (exact id first, then a case-insensitive substring of id or name), selects it and
     * moves the camera to it. Returns where it is, or empty with {@link #searchMessageProperty()} saying why.
     */
    public Optional<GeoPoint> search(String query) {
        GridSnapshot s = snapshot.get();
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || s == null) {
            searchMessage.set(q.isEmpty() ? "" : "No grid loaded");
            return Optional.empty();
        }
        Optional<GeoPoint> hit = findSubstation(s, q).map(sub -> {
            selectedId.set(sub.id());
            return sub.position();
        }).or(() -> findBranch(s, q).map(b -> {
            selectedId.set(b.id());
            return midpoint(b);
        })).or(() -> s.areas().stream().filter(a -> matches(a.id(), a.name(), q)).findFirst().map(a -> {
            selectedId.set(a.id());
            return a.centre();
        }));
        if (hit.isEmpty()) {
            searchMessage.set("No substation, line or grid matches \"" + query.trim() + "\"");
            return Optional.empty();
        }
        searchMessage.set("");
        refreshDetail();
        GeoPoint target = hit.get();
        if (target != null) {
            centerLat.set(target.lat());
            centerLon.set(target.lon());
            zoom.set(Math.max(zoom.get(), selectedIsArea() ? 9.5 : SEARCH_ZOOM));
        }
        return Optional.ofNullable(target);
    }

    /** Up to {@code limit} ids of substations and lines whose id or name contains the text, for completion. */
    public List<String> suggestions(String text, int limit) {
        GridSnapshot s = snapshot.get();
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        if (s == null || q.isEmpty()) {
            return out;
        }
        for (GridSubstation sub : s.substations()) {
            if (out.size() < limit && matches(sub.id(), sub.name(), q)) {
                out.add(sub.id());
            }
        }
        for (GridBranch b : s.branches()) {
            if (out.size() < limit && matches(b.id(), b.name(), q)) {
                out.add(b.id());
            }
        }
        return out;
    }

    /** Number of branches per loading band in the current snapshot (for the legend). */
    public Map<LoadingBand, Integer> branchCountsByBand() {
        Map<LoadingBand, Integer> out = new EnumMap<>(LoadingBand.class);
        GridSnapshot s = snapshot.get();
        if (s != null) {
            for (GridBranch b : s.branches()) {
                out.merge(LoadingBand.of(b.loadingPercent(), isStale(b.id())), 1, Integer::sum);
            }
        }
        return out;
    }

    /** Camera: remembered so the map reopens where the operator left it. */
    public void rememberCamera(double lat, double lon, double z) {
        centerLat.set(lat);
        centerLon.set(lon);
        zoom.set(z);
    }

    private boolean selectedIsArea() {
        GridSnapshot s = snapshot.get();
        return s != null && selectedId.get() != null && s.area(selectedId.get()).isPresent();
    }

    private static Optional<GridSubstation> findSubstation(GridSnapshot s, String q) {
        return s.substations().stream().filter(x -> x.id().equalsIgnoreCase(q)).findFirst()
                .or(() -> s.substations().stream().filter(x -> matches(x.id(), x.name(), q)).findFirst());
    }

    private static Optional<GridBranch> findBranch(GridSnapshot s, String q) {
        return s.branches().stream().filter(x -> x.id().equalsIgnoreCase(q)).findFirst()
                .or(() -> s.branches().stream().filter(x -> matches(x.id(), x.name(), q)).findFirst());
    }

    private static boolean matches(String id, String name, String q) {
        return id.toLowerCase(Locale.ROOT).contains(q) || (name != null && name.toLowerCase(Locale.ROOT).contains(q));
    }

    private static GeoPoint midpoint(GridBranch b) {
        if (!b.hasPath()) {
            return null;
        }
        GeoPoint a = b.path().get(0);
        GeoPoint c = b.path().get(b.path().size() - 1);
        return new GeoPoint((a.lat() + c.lat()) / 2, (a.lon() + c.lon()) / 2);
    }

    private void refreshDetail() {
        if (selectedMark != null) {
            String[] sm = selectedMark;
            Optional<AssetDetail> d = overlays.overlay(sm[0]).flatMap(o -> overlays.mark(sm[0], sm[1])
                    .map(m -> MapOverlayState.detail(o, m)));
            detail.set(d.orElse(null));
            if (d.isEmpty()) {
                selectedMark = null; // the mark left its layer (or the layer failed)
            }
            return;
        }
        String id = selectedId.get();
        GridSnapshot s = snapshot.get();
        if (id == null || s == null) {
            detail.set(null);
            return;
        }
        Optional<AssetDetail> d = s.substation(id).map(sub -> substationDetail(s, sub))
                .or(() -> s.branch(id).map(this::branchDetail))
                .or(() -> s.area(id).map(a -> areaDetail(s, a)));
        detail.set(d.orElse(null));
        if (d.isEmpty()) {
            selectedId.set(null);
        }
    }

    private AssetDetail substationDetail(GridSnapshot s, GridSubstation sub) {
        List<AssetDetail.Row> rows = new ArrayList<>();
        alarmRow(sub.id()).ifPresent(rows::add);
        rows.add(new AssetDetail.Row("Community grid", s.area(sub.areaId() == null ? "" : sub.areaId())
                .map(a -> a.name() + " (" + a.owner() + ")").orElse("–"), false));
        rows.add(new AssetDetail.Row("Voltage class", fmt(sub.nominalKv(), "kV", 0), false));
        rows.add(new AssetDetail.Row("Voltage", fmt(sub.voltagePu(), "pu", 3),
                !Double.isNaN(sub.voltagePu()) && (sub.voltagePu() < 0.95 || sub.voltagePu() > 1.05)));
        rows.add(new AssetDetail.Row("Load", fmt(sub.loadMw(), "MW", 1), false));
        rows.add(new AssetDetail.Row("Generation", fmt(sub.generationMw(), "MW", 1), false));
        rows.add(new AssetDetail.Row("DERs", Integer.toString(sub.derCount()), false));
        Map<DerType, Integer> counts = new EnumMap<>(DerType.class);
        counts.putAll(sub.derCounts());
        counts.forEach((t, n) -> rows.add(new AssetDetail.Row("  " + t.prefix(), Integer.toString(n), false)));
        if (sub.position() != null) {
            rows.add(new AssetDetail.Row("Position", String.format(Locale.ROOT, "%.4f, %.4f",
                    sub.position().lat(), sub.position().lon()), false));
        }
        List<GridDer> devices = s.dersUnder(sub.id());
        return new AssetDetail(sub.id(), "Substation", sub.name(), rows, quality(sub.id()), devices);
    }

    private AssetDetail branchDetail(GridBranch b) {
        List<AssetDetail.Row> rows = new ArrayList<>();
        alarmRow(b.id()).ifPresent(rows::add);
        LoadingBand band = LoadingBand.of(b.loadingPercent(), false);
        rows.add(new AssetDetail.Row("Kind", b.interconnector() ? "Interconnector" : b.kind().name().toLowerCase(Locale.ROOT)
                .replace('_', ' '), false));
        rows.add(new AssetDetail.Row("From → to", b.substation1Id() + " → " + b.substation2Id(), false));
        rows.add(new AssetDetail.Row("Voltage class", fmt(b.nominalKv(), "kV", 0), false));
        rows.add(new AssetDetail.Row("Active power", fmt(b.p1Mw(), "MW", 1), false));
        rows.add(new AssetDetail.Row("Reactive power", fmt(b.q1Mvar(), "Mvar", 1), false));
        rows.add(new AssetDetail.Row("Current", fmt(b.currentA(), "A", 0), false));
        rows.add(new AssetDetail.Row("Limit", fmt(b.limitA(), "A", 0), false));
        rows.add(new AssetDetail.Row("Loading", fmt(b.loadingPercent(), "%", 1), band.abnormal()));
        rows.add(new AssetDetail.Row("Flow direction", Double.isNaN(b.p1Mw()) ? "–"
                : b.p1Mw() >= 0 ? b.substation1Id() + " → " + b.substation2Id() : b.substation2Id() + " → " + b.substation1Id(), false));
        rows.add(new AssetDetail.Row("In service", b.connected() ? "yes" : "no (open)", !b.connected()));
        ContingencyReport.Outcome c = contingency.get();
        if (c != null) {
            if (c.outagedBranchId().equals(b.id())) {
                rows.add(new AssetDetail.Row("N-1", "its outage overloads " + c.overloads().size() + " branch(es)", true));
            }
            c.overloads().stream().filter(o -> o.branchId().equals(b.id())).findFirst().ifPresent(o ->
                    rows.add(new AssetDetail.Row("N-1 loading", String.format(Locale.ROOT, "%.1f %% if %s trips",
                            o.loadingPercent(), c.outagedBranchId()), true)));
        }
        return new AssetDetail(b.id(), b.interconnector() ? "Interconnector" : "Line", b.name(), rows, quality(b.id()), List.of());
    }

    private AssetDetail areaDetail(GridSnapshot s, GridArea a) {
        long subs = s.substations().stream().filter(x -> a.id().equals(x.areaId())).count();
        int ders = s.substations().stream().filter(x -> a.id().equals(x.areaId())).mapToInt(GridSubstation::derCount).sum();
        double load = s.substations().stream().filter(x -> a.id().equals(x.areaId())).mapToDouble(GridSubstation::loadMw).sum();
        List<AssetDetail.Row> rows = List.of(
                new AssetDetail.Row("Owner", a.owner(), false),
                new AssetDetail.Row("Substations", Long.toString(subs), false),
                new AssetDetail.Row("DERs", Integer.toString(ders), false),
                new AssetDetail.Row("Load", fmt(load, "MW", 1), false));
        return new AssetDetail(a.id(), "Community grid", a.name(), rows, quality(a.id()), List.of());
    }

    private Optional<AssetDetail.Row> alarmRow(String id) {
        Integer p = alarms.get().get(id);
        return p == null ? Optional.empty() : Optional.of(new AssetDetail.Row("Alarm", "priority " + p, true));
    }

    private static String fmt(double v, String unit, int decimals) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f %s", v, unit);
    }

    // ---- properties

    public ReadOnlyObjectProperty<GridSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AssetDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty searchMessageProperty() {
        return searchMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LayerVisibility> visibilityProperty() {
        return visibility.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, Integer>> alarmsProperty() {
        return alarms.getReadOnlyProperty();
    }

    /** The trend of the selected asset for the sparkline; null without a selection. */
    public ReadOnlyObjectProperty<Trend> trendProperty() {
        return trend.getReadOnlyProperty();
    }

    /** The latest N-1 analysis for the security list; null before the first. */
    public ReadOnlyObjectProperty<ContingencyReport> contingencyReportProperty() {
        return contingencyReport.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContingencyReport.Outcome> contingencyProperty() {
        return contingency.getReadOnlyProperty();
    }

    public BooleanProperty areasVisibleProperty() {
        return areasVisible;
    }

    public BooleanProperty substationsVisibleProperty() {
        return substationsVisible;
    }

    public BooleanProperty linesVisibleProperty() {
        return linesVisible;
    }

    public BooleanProperty dersVisibleProperty() {
        return dersVisible;
    }

    public BooleanProperty legendExpandedProperty() {
        return legendExpanded;
    }

    public BooleanProperty labelsVisibleProperty() {
        return labelsVisible;
    }

    public BooleanProperty flowAnimationProperty() {
        return flowAnimation;
    }

    /** The substations caught by the last lasso (Shift + drag on the map); empty: none. */
    public javafx.collections.ObservableList<String> lassoed() {
        return lassoedView;
    }

    /** A lasso caught these substations (the view found which were drawn inside it). */
    public void lasso(java.util.List<String> substationIds) {
        lassoed.setAll(substationIds);
    }

    public void clearLasso() {
        lassoed.clear();
    }

    /** Where "Demand response for these sites" goes (the app: the DR screen with them as a group); unset: not offered. */
    public void onDemandResponse(java.util.function.Consumer<java.util.List<String>> action) {
        demandResponse = action;
    }

    public boolean offersDemandResponse() {
        return demandResponse != null;
    }

    /** Hands the lassoed substations to demand response as a group. */
    public void demandResponseForLasso() {
        if (demandResponse != null && !lassoed.isEmpty()) {
            demandResponse.accept(java.util.List.copyOf(lassoed));
        }
    }

    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty centerLatProperty() {
        return centerLat;
    }

    public DoubleProperty centerLonProperty() {
        return centerLon;
    }
}
