function mpc = threebus
%THREEBUS  A small three-bus test case written for the console's MATPOWER reader tests.
mpc.version = '2';
mpc.baseMVA = 100;

%% bus data
%	bus_i	type	Pd	Qd	Gs	Bs	area	Vm	Va	baseKV	zone	Vmax	Vmin
mpc.bus = [
	1	3	0	0	0	0	1	1.02	0	110	1	1.1	0.9;
	2	1	60	20	0	0	1	1	0	110	1	1.1	0.9;
	3	2	30	10	0	5	1	1.01	0	20	1	1.1	0.9;
];

%% generator data
%	bus	Pg	Qg	Qmax	Qmin	Vg	mBase	status	Pmax	Pmin
mpc.gen = [
	1	50	0	100	-100	1.02	100	1	200	0;
	3	40	0	50	-50	1.01	100	1	80	0;
];

%% branch data
%	fbus	tbus	r	x	b	rateA	rateB	rateC	ratio	angle	status	angmin	angmax
mpc.branch = [
	1	2	0.01	0.05	0.02	100	100	100	0	0	1	-360	360;
	2	3	0.005	0.08	0	60	60	60	1.0	0	1	-360	360;
];
