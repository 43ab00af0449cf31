% Writes the Octave and MATLAB files the data-reader tests read (Tests/BackpropCoreTests/
% DataReaderTests.swift, Tests/BackpropTutorCLITests/ImportCommandTests.swift), and prints
% the ex4-style costs those tests expect.
%
% Made with GNU Octave 7.3.0 (Debian) from this folder:
%   octave-cli --no-gui --norc make_fixtures.m
% The files are committed, so the tests need neither Octave nor this script.

% --- Small variables of every kind, in the text format and both .mat versions.
X = [1.5 -2.25; 0.125 3; 1e-3 -7.75];           % 3 x 2, rows = samples
y = uint8([3; 1; 2]);                           % uint8 labels: read as numbers
z = 42;                                         % a scalar: 1 x 1
k = int16([-300 7; 12 -1]);                     % int16, negatives
L = [true false true];                          % logical: read as 0/1
s = struct("a", 1, "b", [1 2 3]);               % skipped: struct
c = {1, "two"};                                 % skipped: cell
t = "text";                                     % skipped: char
sp = sparse([1 0; 0 2]);                        % skipped: sparse
f = @(x) x .^ 2;                                % skipped: function handle (text format only:
                                                % Octave cannot write one to a .mat file)
save("-text", "small.txt", "X", "y", "z", "k", "L", "s", "c", "t", "sp", "f");
save("-v6", "small-v6.mat", "X", "y", "z", "k", "L", "s", "c", "t", "sp");
save("-v7", "small-v7.mat", "X", "y", "z", "k", "L", "s", "c", "t", "sp");

% --- An ex4-like network and data set: 20 samples, 6 inputs, 5 hidden units, 4 classes.
rand("state", 24);
m = 20; n = 6; h = 5; K = 4;
X = rand(m, n) * 2 - 1;
y = mod(0:m-1, K)' + 1;                          % labels 1..K, every class present
Theta1 = (rand(h, n + 1) * 2 - 1) * 0.5;
Theta2 = (rand(K, h + 1) * 2 - 1) * 0.5;
save("-v7", "ex4-data.mat", "X", "y");
save("-v6", "ex4-weights.mat", "Theta1", "Theta2");
save("-text", "ex4-data.txt", "X", "y");

% ex4's nnCostFunction, vectorised, at lambda = 0 and lambda = 1.
sigmoid = @(z) 1 ./ (1 + exp(-z));
Y = eye(K)(y, :);
a1 = [ones(m, 1) X];
a2 = [ones(m, 1) sigmoid(a1 * Theta1')];
a3 = sigmoid(a2 * Theta2');
J0 = sum(sum(-Y .* log(a3) - (1 - Y) .* log(1 - a3))) / m;
penalty = (sum(sum(Theta1(:, 2:end) .^ 2)) + sum(sum(Theta2(:, 2:end) .^ 2))) / (2 * m);
J1 = J0 + 1 * penalty;
printf("J(lambda = 0) = %.17g\nJ(lambda = 1) = %.17g\n", J0, J1);
fid = fopen("ex4-costs.txt", "w");
fprintf(fid, "J(lambda = 0) = %.17g\nJ(lambda = 1) = %.17g\n", J0, J1);
fclose(fid);
