% make-references.m — reference power-flow answers from MATPOWER's own runpf, for MatpowerFidelityTest.
%
% Usage (GNU Octave, Debian package `octave`; MATPOWER source unchanged, see README.md in this folder):
%   octave --no-gui --quiet --eval "matpower_root='/path/to/matpower'; out_dir='/path/to/refs'; \
%       cases={'case118','case300'}; run('client/src/test/matpower/make-references.m')"
% Variables read: matpower_root (a MATPOWER checkout with lib/, data/, mips/lib, mp-opt-model/lib, mptest/lib),
% out_dir (created if missing), optionally cases (cell array of case names; default: every case*.m in data/) and
% plain_dir: where to save each case as plain data with MATPOWER's savecase (for the case files that are MATLAB
% programs computing their tables, which the console refuses to run).
%
% Per case it writes <out_dir>/<case>.csv: one row per bus, "id,type,vm,va" (bus number, MATPOWER bus type after
% the solve, voltage magnitude in pu, angle in degrees), full double precision; and appends one line
% "case,success,buses,seconds" to <out_dir>/summary.csv. Options: MATPOWER's defaults (Newton-Raphson, all slack at
% the reference bus, reactive limits not enforced), output and progress messages off; a case with dc lines
% (mpc.dcline) is solved with MATPOWER's dc-line extension on (toggle_dcline), since runpf alone ignores them.

addpath(fullfile(matpower_root, 'lib'));
addpath(fullfile(matpower_root, 'data'));
addpath(fullfile(matpower_root, 'mips', 'lib'));
addpath(fullfile(matpower_root, 'mp-opt-model', 'lib'));
addpath(fullfile(matpower_root, 'mptest', 'lib'));
if ~exist('cases', 'var')
    listing = dir(fullfile(matpower_root, 'data', 'case*.m'));
    cases = cellfun(@(n) n(1:end-2), {listing.name}, 'UniformOutput', false);
end
if ~exist(out_dir, 'dir')
    mkdir(out_dir);
end
mpopt = mpoption('out.all', 0, 'verbose', 0);
summary = fopen(fullfile(out_dir, 'summary.csv'), 'a');
for k = 1:numel(cases)
    name = cases{k};
    success = 0; nb = 0; t0 = tic;
    try
        mpc = loadcase(name);
        if exist('plain_dir', 'var')
            if ~exist(plain_dir, 'dir')
                mkdir(plain_dir);
            end
            savecase(fullfile(plain_dir, [name '.m']), mpc);
        end
        if isfield(mpc, 'dcline') && ~isempty(mpc.dcline)
            mpc = toggle_dcline(mpc, 'on');  % runpf leaves mpc.dcline out unless the extension is on
        end
        r = runpf(mpc, mpopt);
        success = r.success;
        nb = size(r.bus, 1);
        if success
            f = fopen(fullfile(out_dir, [name '.csv']), 'w');
            fprintf(f, 'id,type,vm,va\n');
            fprintf(f, '%d,%d,%.12g,%.12g\n', [r.bus(:, 1) r.bus(:, 2) r.bus(:, 8) r.bus(:, 9)]');
            fclose(f);
        end
    catch err
        fprintf(2, '%s: %s\n', name, err.message);
    end
    fprintf(summary, '%s,%d,%d,%.3f\n', name, success, nb, toc(t0));
    fprintf(2, '%s success=%d buses=%d\n', name, success, nb);
end
fclose(summary);
