% Learner answers for `diagnose` tests, written by a real Octave run of ex4's vectorised
% nnCostFunction on checkNNGradients' network (lesson ng-gradcheck-lambda3: 3-5-3, m = 5,
% lambda = 3, debugInitializeWeights), printed as a learner prints them (no semicolon).
% Made with:  octave-cli --no-gui ex4_answers.m MISTAKE > answers-MISTAKE.txt
% for MISTAKE in none missing-derivative regularization-half error-sign; the output is kept
% as test data, so the tests need no Octave.
1;
function W = debugInitializeWeights(fan_out, fan_in)
  W = reshape(sin(1:fan_out * (1 + fan_in)), fan_out, 1 + fan_in) / 10;
end
function g = sigmoid(z)
  g = 1.0 ./ (1.0 + exp(-z));
end
function g = sigmoidGradient(z)
  g = sigmoid(z) .* (1 - sigmoid(z));
end
args = argv();
mistake = args{1};
input_layer_size = 3; hidden_layer_size = 5; num_labels = 3; m = 5; lambda = 3;
Theta1 = debugInitializeWeights(hidden_layer_size, input_layer_size);
Theta2 = debugInitializeWeights(num_labels, hidden_layer_size);
X = debugInitializeWeights(m, input_layer_size - 1);
y = 1 + mod(1:m, num_labels)';
Y = eye(num_labels)(y, :);
a1 = [ones(m, 1) X];
z2 = a1 * Theta1';
a2 = [ones(m, 1) sigmoid(z2)];
z3 = a2 * Theta2';
a3 = sigmoid(z3);
J = sum(sum(-Y .* log(a3) - (1 - Y) .* log(1 - a3))) / m ...
    + lambda / (2 * m) * (sum(sum(Theta1(:, 2:end) .^ 2)) + sum(sum(Theta2(:, 2:end) .^ 2)));
d3 = a3 - Y;
if strcmp(mistake, 'error-sign')
  d3 = Y - a3;
end
d2 = (d3 * Theta2(:, 2:end)) .* sigmoidGradient(z2);
if strcmp(mistake, 'missing-derivative')
  d2 = d3 * Theta2(:, 2:end);
end
Delta1 = d2' * a1;
Delta2 = d3' * a2;
reg = lambda / m;
if strcmp(mistake, 'regularization-half')
  reg = lambda / (2 * m);
end
Theta1_grad = Delta1 / m + reg * [zeros(hidden_layer_size, 1) Theta1(:, 2:end)];
Theta2_grad = Delta2 / m + reg * [zeros(num_labels, 1) Theta2(:, 2:end)];
J
a2
d3
d2
Theta1_grad
Theta2_grad
